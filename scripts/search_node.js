/*
 * Run the built site's search worker under Node, for scripts/search_quick.py.
 *
 *   node scripts/search_node.js SITE_DIR [KNOBS_JSON] < queries.json > pages.json
 *
 * The worker is the one readers' browsers run: SITE_DIR/assets/javascripts/workers/korean-search.js,
 * which loads korean-query.js and Material's own search worker (search.<hash>.min.js) with
 * importScripts. This file gives them what a worker global has (self, addEventListener,
 * postMessage, importScripts), sends Material's setup message (0) with the full index, then one
 * query message (2) per query, and prints, for each, the pages of the first ten result items of
 * the answer (3), best first: what the search box draws. KNOBS_JSON sets worker globals first
 * (`{"KOREAN_OWN_WEIGHT": 2}`), to try a weight without editing the worker.
 *
 * tests/test_search.py checks that these answers are the ones the real search box shows.
 */
"use strict"

const fs = require("fs")
const path = require("path")
const vm = require("vm")

const site = process.argv[2]
if (!site) {
  console.error("usage: node scripts/search_node.js SITE_DIR [KNOBS_JSON] < queries.json")
  process.exit(2)
}
const workers = path.join(site, "assets/javascripts/workers")
const material = fs.readdirSync(workers).find(function (name) { return /^search\.[0-9a-f]+\.min\.js$/.test(name) })
if (!material) throw new Error(workers + ": no Material search worker (search.<hash>.min.js)")

/* What the worker scripts expect of a worker global. URLs are resolved against SITE_DIR. */
const listeners = []
let answer = null
globalThis.self = globalThis
self.location = { href: "http://site/assets/javascripts/workers/korean-search.js?material=" + material }
self.addEventListener = function (type, listener) { if (type === "message") listeners.push(listener) }
self.postMessage = function (message) { if (answer) answer(message) }
self.importScripts = function () {
  for (const url of arguments) {
    const file = path.join(site, decodeURI(new URL(url, self.location.href).pathname))
    vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file })
  }
}
Object.assign(self, JSON.parse(process.argv[3] || "{}"))
const own = path.join(workers, "korean-search.js")
vm.runInThisContext(fs.readFileSync(own, "utf8"), { filename: own })

function send(data) {
  return new Promise(function (resolve) {
    answer = resolve
    listeners.forEach(function (listener) { listener({ data: data }) })
  })
}

async function main() {
  const search = path.join(site, "search")
  const file = fs.existsSync(path.join(search, "search_index.full.json")) ? "search_index.full.json" : "search_index.json"
  const index = JSON.parse(fs.readFileSync(path.join(search, file), "utf8"))
  const ready = await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } })
  if (ready.type !== 1) throw new Error("the worker answered setup with message " + ready.type + ", not 1 (ready)")
  const queries = JSON.parse(fs.readFileSync(0, "utf8"))
  const out = []
  for (const query of queries) {
    const result = await send({ type: 2, data: query })
    if (result.type !== 3) throw new Error("the worker answered " + JSON.stringify(query) + " with message " + result.type)
    const pages = []
    for (const item of result.data.items.slice(0, 10)) {
      const page = decodeURI(String(item[0].location).split("#")[0])
      if (!pages.includes(page)) pages.push(page)
    }
    out.push(pages)
  }
  process.stdout.write(JSON.stringify(out))
}

main().catch(function (error) {
  console.error(error && error.stack || String(error))
  process.exit(1)
})
