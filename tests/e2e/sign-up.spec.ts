import { expect, test } from "@playwright/test";
import { expectAccessible, signUpToken, uniqueId } from "../support";

test("a group signs up on the phone, is told to check its mail, and the link's page activates the account", async ({ page }) => {
  const email = `${uniqueId("telefono")}@example.org`;
  await page.goto("/proposte");
  await page.getByText("Registra il tuo gruppo").click();
  const form = page.getByTestId("sign-up");
  await form.getByLabel("Nome del gruppo o dell'associazione").fill("Giovani dell'Oglio");
  await form.getByLabel("Forma del gruppo").selectOption("informal_group");
  await form.getByLabel("Territorio").selectOption("crema");
  await form.getByLabel("Referente", { exact: true }).fill("Sara Neri");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Password (almeno 10 caratteri)").fill("una-password-di-prova");
  await form.getByRole("button", { name: "Crea l'account" }).click();
  // The same words whether or not the address had an account; the form gives way to them.
  await expect(page.getByTestId("sign-up-sent")).toHaveText(
    `Controlla la posta di ${email}: ti abbiamo scritto come attivare l'account, con un link che vale 48 ore. Se l'indirizzo ha già un account, il messaggio ti dice come accedere.`,
  );
  await expect(form).toBeHidden();
  await expect(page.getByTestId("signed-in")).toHaveCount(0);

  await page.goto(`/proposte/conferma/${signUpToken(email)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Attiva l'account del gruppo" })).toBeVisible();
  await expectAccessible(page, "conferma della registrazione");
  await page.getByRole("button", { name: "Attiva l'account" }).click();
  await expect(page).toHaveURL(/\/proposte$/);
  await expect(page.getByTestId("signed-in")).toContainText("Giovani dell'Oglio");

  // The link works once.
  await page.goto(`/proposte/conferma/${signUpToken(email)}`);
  await page.getByRole("button", { name: "Attiva l'account" }).click();
  await expect(page.getByText(/^Link scaduto o già usato/)).toBeVisible();
});
