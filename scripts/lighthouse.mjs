// Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on the home and list pages of
// a running server. Prints scores and LCP; asserts nothing. Usage: node scripts/lighthouse.mjs URL
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const base = process.argv[2] ?? "http://127.0.0.1:8787";
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  console.log(`\n== Lighthouse, mobile preset (budget: performance ≥ 98, LCP ≤ 1.2 s, accessibility 100)`);
  for (const path of ["/", "/opportunita"]) {
    const { lhr } = await lighthouse(`${base}${path}`, {
      port: chrome.port,
      onlyCategories: ["performance", "accessibility", "best-practices"],
      logLevel: "error",
    });
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const lcp = lhr.audits["largest-contentful-paint"].numericValue / 1000;
    const fcp = lhr.audits["first-contentful-paint"].numericValue / 1000;
    const tbt = lhr.audits["total-blocking-time"].numericValue;
    const cls = lhr.audits["cumulative-layout-shift"].numericValue;
    const failing = Object.values(lhr.categories.accessibility.auditRefs)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => a.id);
    console.log(
      `${path.padEnd(14)} TBT ${tbt.toFixed(0)} ms, CLS ${cls.toFixed(3)}` +
        (failing.length ? `, accessibility audits not passed: ${failing.join(", ")}` : ""),
    );
    console.log(
      `${path.padEnd(14)} performance ${score("performance")}, accessibility ${score("accessibility")}, ` +
        `best practices ${score("best-practices")}, FCP ${fcp.toFixed(2)} s, LCP ${lcp.toFixed(2)} s`,
    );
  }
} finally {
  await chrome.kill();
}
