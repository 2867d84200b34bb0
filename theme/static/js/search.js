// Search page (/cari/): runs the query with Pagefind's JS API and lists the
// results with excerpts. Progressive enhancement of partials/search_ui.html:
// without this script the form is a plain GET to /cari/?q=.
// The URL (?q=…&wilayah=…&tag=…&rubrik=…&tahun=…) pre-fills and runs the search
// and follows every change, so a result list can be shared as a link.
// The index comes in one Pagefind bundle per year (see plugins/search), listed
// newest first in bundles.json; they are merged here into one search.
// Pagefind (its scripts and WebAssembly, about three times this page) loads
// only when a search is wanted: at once when the URL asks for one, else on the
// first focus or input in the search box; a page opened and left costs nothing.

const FILTERS = ["wilayah", "tag", "rubrik", "tahun"];
const LABELS = { wilayah: "Wilayah", tag: "Tag", rubrik: "Rubrik", tahun: "Tahun" };
const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 300;
const SEARCHING = "Mencari…";
const UNAVAILABLE = "Pencarian belum tersedia. Telusuri berita lewat arsip, rubrik atau tag.";

const root = document.querySelector("[data-search]");
if (root) start(root);

function start(root) {
  const form = root.querySelector("form");
  const input = form.elements.q;
  const status = root.querySelector("[data-search-status]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  const filterBox = root.querySelector("[data-search-filters]");
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";

  // Pagefind with every bundle merged and the filter menus filled, loaded once;
  // null (and the page says so) when the index cannot be read.
  let loading;
  function load() {
    loading ??= (async () => {
      try {
        const pagefind = await loadBundles(root.dataset.searchBundles, root.dataset.baseUrl);
        const { years, totals } = await fillFilters(pagefind, form, filterBox, params);
        return { pagefind, years, totals };
      } catch (error) {
        status.textContent = UNAVAILABLE;
        return null;
      }
    })();
    return loading;
  }

  let latest = 0; // only the newest query may write the results
  let pending = [];
  let typingTimer;

  async function run() {
    const ticket = ++latest;
    // The index (its scripts and WebAssembly, then a bundle a year) takes
    // seconds on a slow network: say that something is under way.
    if (input.value.trim() || Object.keys(chosenFilters(form)).length) {
      status.textContent = SEARCHING;
    }
    const search = await load();
    if (!search || ticket !== latest) return;
    const { pagefind, years, totals } = search;
    const query = input.value.trim();
    const filters = chosenFilters(form);
    updateUrl(query, filters);
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      showCounts(form, totals);
      return;
    }
    list.setAttribute("aria-busy", "true");
    let found;
    let counts = totals;
    if (query) {
      const searched = await pagefind.search(query, { filters });
      found = searched?.results;
      // How many of these results each filter value would keep.
      counts = searched?.filters || totals;
    } else {
      found = await newestFirst(pagefind, filters, years); // filters alone: newest first
    }
    if (ticket !== latest || !found) return;
    showCounts(form, counts);
    pending = found;
    list.replaceChildren();
    const total = pending.length;
    await showMore();
    if (ticket !== latest) return;
    // Said once the first results are shown, not over an empty list.
    status.textContent = describe(total, query, filters);
    list.removeAttribute("aria-busy");

    async function showMore() {
      const batch = pending.slice(0, PAGE_SIZE);
      pending = pending.slice(PAGE_SIZE);
      const records = await Promise.all(batch.map((result) => result.data()));
      if (ticket !== latest) return;
      for (const record of records) list.append(resultItem(record));
      more.hidden = pending.length === 0;
    }
    more.onclick = () => {
      const next = list.children.length;
      showMore().then(() => list.children[next]?.querySelector("a")?.focus());
    };
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    run();
  });
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(run, TYPING_PAUSE_MS);
  });
  filterBox.addEventListener("change", run);

  if (input.value.trim() || FILTERS.some((name) => params.get(name))) run();
}

// The first bundle's pagefind.js is the API; every other bundle is merged into
// it before the first search, so results and filter counts span all years.
async function loadBundles(listUrl, baseUrl) {
  const list = new URL(listUrl, document.baseURI);
  const response = await fetch(list);
  if (!response.ok) throw new Error(`${list}: HTTP ${response.status}`);
  const { bundles } = await response.json();
  const [first, ...others] = bundles.map((path) => new URL(path, list).href);
  if (!first) throw new Error(`${list}: no bundle`);
  const pagefind = await import(new URL("pagefind.js", first).href);
  await pagefind.options({ baseUrl });
  // All at once: on a slow network one after another cost a round trip each
  // before the first result. Each takes its place in the listed order when it
  // is asked for, before its files arrive; any failure stops the search.
  await Promise.all(others.map((bundle) => pagefind.mergeIndex(bundle, { baseUrl })));
  return pagefind;
}

// Sorted by date, Pagefind scores a page by its place within its own bundle,
// so the merged bundles would interleave. Each year (the tahun filter) is
// therefore listed on its own, newest year first, and the lists are joined:
// one year's pages share one bundle, whose scores follow their dates.
async function newestFirst(pagefind, filters, years) {
  const sort = { waktu: "desc" };
  if (filters.tahun || years.length === 0) {
    return (await pagefind.search(null, { filters, sort }))?.results;
  }
  const found = [];
  for (const tahun of years) {
    const search = await pagefind.search(null, { filters: { ...filters, tahun }, sort });
    found.push(...(search?.results || []));
  }
  return found;
}

// Fills the filter menus; returns the years in the index, newest first, and
// the whole site's counts per filter value.
async function fillFilters(pagefind, form, filterBox, params) {
  let available = {};
  try {
    available = await pagefind.filters();
  } catch (error) {
    return { years: [], totals: {} }; // the search still works without filters
  }
  let shown = 0;
  for (const name of FILTERS) {
    const field = filterBox.querySelector(`[data-search-filter="${name}"]`);
    const select = form.elements[name];
    const counts = available[name] || {};
    const values = Object.keys(counts).sort((a, b) =>
      name === "tahun" ? b.localeCompare(a) : a.localeCompare(b, "id"),
    );
    for (const value of values) {
      select.append(new Option(`${value} (${counts[value]})`, value));
    }
    const wanted = params.get(name);
    if (wanted && values.includes(wanted)) select.value = wanted;
    field.hidden = values.length === 0;
    if (values.length) shown += 1;
  }
  filterBox.hidden = shown === 0;
  const years = Object.keys(available.tahun || {}).sort((a, b) => b.localeCompare(a));
  return { years, totals: available };
}

// Each menu's counts: the whole site's before a search, the results' after one
// (the menus once kept the site's counts: "Kota Palembang (8)" for 4 results).
function showCounts(form, counts) {
  for (const name of FILTERS) {
    for (const option of form.elements[name].options) {
      if (option.value) option.textContent = `${option.value} (${counts?.[name]?.[option.value] ?? 0})`;
    }
  }
}

function chosenFilters(form) {
  const filters = {};
  for (const name of FILTERS) {
    const value = form.elements[name].value;
    if (value) filters[name] = value;
  }
  return filters;
}

function updateUrl(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const search = params.toString();
  const url = window.location.pathname + (search ? `?${search}` : "");
  window.history.replaceState(null, "", url);
}

function describe(count, query, filters) {
  const chosen = Object.entries(filters).map(([name, value]) => `${LABELS[name]}: ${value}`);
  const within = chosen.length ? ` (${chosen.join(", ")})` : "";
  if (count === 0) {
    return query
      ? `Tidak ada hasil untuk “${query}”${within}. Coba kata lain atau hapus saringan.`
      : `Tidak ada berita${within}.`;
  }
  return query ? `${count} hasil untuk “${query}”${within}` : `${count} berita${within}`;
}

function resultItem(record) {
  const item = document.createElement("li");
  item.className = "search-result";
  const thumbnail = resultThumbnail(record.meta);
  if (thumbnail) {
    item.classList.add("search-result--photo");
    item.append(thumbnail);
  }
  const title = document.createElement("h2");
  title.className = "search-result__title";
  const link = document.createElement("a");
  link.href = record.url;
  link.textContent = record.meta.title || record.url;
  title.append(link);
  item.append(title);

  const facts = [record.meta.tanggal, ...(record.filters?.wilayah || [])].filter(Boolean);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "search-result__meta";
    meta.textContent = facts.join(" · ");
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  appendExcerpt(excerpt, record.excerpt || "");
  item.append(excerpt);
  return item;
}

// The article's photo as a sized, lazy thumbnail (WebP with the JPEG fallback),
// from the result's metadata (partials/search_meta.html); only same-site URLs.
function resultThumbnail(meta) {
  const sameSite = (url) => {
    try {
      return new URL(url, document.baseURI).origin === location.origin;
    } catch {
      return false;
    }
  };
  if (!meta.image || !sameSite(meta.image)) return null;
  const picture = document.createElement("picture");
  picture.className = "search-result__thumb";
  if (meta.image_webp && sameSite(meta.image_webp)) {
    const source = document.createElement("source");
    source.type = "image/webp";
    source.srcset = meta.image_webp;
    picture.append(source);
  }
  const img = document.createElement("img");
  img.src = meta.image;
  img.alt = meta.image_alt || "";
  if (meta.image_width && meta.image_height) {
    img.width = Number(meta.image_width);
    img.height = Number(meta.image_height);
  }
  img.loading = "lazy";
  img.decoding = "async";
  picture.append(img);
  return picture;
}

// Pagefind marks the matched words with <mark>; keep those and nothing else of
// the excerpt's markup, so no HTML from a page can reach this one.
function appendExcerpt(target, excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
  for (const node of parsed.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(document.createTextNode(node.textContent));
    }
  }
}
