// Suggests a new item's address from its title, by the rules the worker checks (lower-case
// letters, digits and hyphens, at most 64), until the editor types an address of their own.
const id = document.getElementById("id");
const title = document.getElementById("title") || document.getElementById("name");
if (id && title) {
  let own = id.value !== "";
  id.addEventListener("input", () => {
    own = id.value !== "";
  });
  title.addEventListener("input", () => {
    if (!own) id.value = slug(title.value);
  });
}

function slug(text) {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}
