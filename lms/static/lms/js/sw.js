/* The service worker: guide chapters a trainee has opened stay readable without a connection.

   Served at /sw.js by lms/offline.py, which puts one line before this file:
   self.LMS_OFFLINE = {version, precache: [static URLs], offlineUrl, staticUrl, logoutUrl}.

   - Install: pre-cache the styles, fonts (latin + vietnamese subsets), logo and the offline page.
   - Pages marked for offline reading: network first; a copy is saved whenever one is opened,
     and read from the cache when the network fails. A page is marked by the attribute
     data-lms-offline="keep" in its HTML: the guide and its chapters (lms/templates/courses/
     guide_page.html, guide_chapter_page.html, guide_print.html). Marking is explicit so that
     nothing personal (a lesson's progress, an account page) is ever stored by accident.
   - Other pages: network first; offline, the offline page instead (Vietnamese text).
   - Static files (/static/): cache first, saved on first use.
   - Never touched: other origins, anything but GET, the admin, accounts, documents (videos are
     large: they are played or downloaded from the network), language switching.
   - Log-out (a POST to the log-out URL) deletes the saved pages: they show the name of the
     person who opened them, and phones are often shared.
   - Caches are named lms-static-<version> and lms-pages-v1; activate deletes every other lms-
     cache. Saved pages survive a new version (a deploy) until they are opened again online. */
"use strict";

const CONFIG = self.LMS_OFFLINE || {
  version: "dev",
  precache: [],
  offlineUrl: "/ngoai-tuyen/",
  staticUrl: "/static/",
  logoutUrl: "/accounts/logout/",
};
const PREFIX = "lms-";
const STATIC_CACHE = PREFIX + "static-" + CONFIG.version;
// Bump only when the way pages are stored changes: a deploy must not erase a trainee's chapters.
const PAGES_CACHE = PREFIX + "pages-v1";
const KEEP_MARKER = 'data-lms-offline="keep"';
const NEVER = ["/admin/", "/accounts/", "/documents/", "/i18n/", "/jsi18n/", "/django-admin/", "/sw.js"];
// Django's manifest storage names files like site.0123456789ab.css.
const HASHED_NAME = /\.[0-9a-f]{12}(\.[A-Za-z0-9]+)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC_CACHE);
      await cache.addAll([...CONFIG.precache, CONFIG.offlineUrl]);
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = [STATIC_CACHE, PAGES_CACHE];
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(PREFIX) && !keep.includes(name))
          .map((name) => caches.delete(name))
      );
      await self.clients.claim();
    })()
  );
});

// The first page a trainee opens is loaded before the worker runs; offline.js asks for it here.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || typeof data.url !== "string") return;
  const url = new URL(data.url, self.location.href);
  if (url.origin !== self.location.origin || isExcluded(url)) return;
  url.hash = "";
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PAGES_CACHE);
      if (await cache.match(url.href, { ignoreVary: true })) return;
      try {
        const response = await fetch(url.href, { credentials: "same-origin" });
        await savePage(url.href, response);
      } catch (error) {
        // Offline already: nothing to save.
      }
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (request.method === "POST" && url.pathname === CONFIG.logoutUrl) {
      event.waitUntil(caches.delete(PAGES_CACHE));
    }
    return;
  }
  if (url.pathname.startsWith("/admin/")) return;
  if (request.mode === "navigate") {
    const fetched = fetchPage(request, isExcluded(url));
    event.respondWith(fetched.then((result) => result.response));
    event.waitUntil(fetched.then((result) => result.saved));
    return;
  }
  if (isExcluded(url)) return;
  if (url.pathname.startsWith(CONFIG.staticUrl)) {
    event.respondWith(staticFile(event));
  }
});

function isExcluded(url) {
  return NEVER.some((prefix) => url.pathname.startsWith(prefix));
}

// Network first. Returns the response at once and, separately, the saving of a marked page.
async function fetchPage(request, excluded) {
  try {
    const response = await fetch(request);
    const saved = excluded ? Promise.resolve() : savePage(request.url, response.clone());
    return { response, saved };
  } catch (error) {
    const cached = excluded
      ? undefined
      : await caches.match(request.url, { cacheName: PAGES_CACHE, ignoreVary: true });
    const fallback = cached || (await caches.match(CONFIG.offlineUrl, { ignoreVary: true }));
    return { response: fallback || Response.error(), saved: Promise.resolve() };
  }
}

async function savePage(key, response) {
  if (!response.ok || response.status !== 200 || response.type !== "basic" || response.redirected) {
    return;
  }
  if (!(response.headers.get("Content-Type") || "").startsWith("text/html")) return;
  const html = await response.text();
  if (!html.includes(KEEP_MARKER)) return;
  const cache = await caches.open(PAGES_CACHE);
  const headers = new Headers(response.headers);
  headers.delete("Vary");
  await cache.put(key.split("#")[0], new Response(html, { status: 200, headers }));
}

// Cache first: static file names change with their content in production (manifest storage).
async function staticFile(event) {
  const request = event.request;
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200 && response.type === "basic") {
      // Saved while the page reads the response, not before.
      event.waitUntil(cache.put(request, response.clone()));
    }
    return response;
  } catch (error) {
    // A saved page from an older version asks for an older file name: offer the current one.
    const older = await sameFileAnotherVersion(cache, new URL(request.url));
    return older || Response.error();
  }
}

async function sameFileAnotherVersion(cache, url) {
  const wanted = url.pathname.replace(HASHED_NAME, "$1");
  for (const key of await cache.keys()) {
    if (new URL(key.url).pathname.replace(HASHED_NAME, "$1") === wanted) {
      return cache.match(key);
    }
  }
  return undefined;
}
