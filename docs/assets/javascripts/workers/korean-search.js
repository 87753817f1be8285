/*
 * Material's search worker with Korean query analysis in front of it.
 *
 * The seam is Material's worker message protocol (9.x): 0 setup {config, docs, options},
 * 1 ready, 2 query (the raw string), 3 result {items, suggest}. overrides/main.html points
 * Material at this file (config "search") and passes the URL of Material's own worker; this file
 * wraps addEventListener/postMessage, then loads Material's worker, so Material's handler runs
 * unchanged after ours:
 *
 *   - setup: when the page's index is the small stub hooks/search_index.py writes (no docs, a
 *     "full" URL), Material first gets the stub and answers ready at once; the full index is
 *     fetched and parsed here, in the worker, on the first real query or after the page has
 *     been idle a moment, never on the page's main thread. The vocabulary for the analysis is
 *     taken from the docs, and the reviewed synonyms from the index file.
 *   - query: the raw string is rewritten (korean-query.js) into a strict query (every topic
 *     word required) and a loose one; both run, and one list is posted: loose-only pages at 0.4
 *     of their score, then raised by the topic words in their titles, by topic words the reader
 *     typed side by side that they also have side by side, and by how much of the site's use of
 *     the topic words is on that page (merge below).
 *
 * tests/test_search.py fails if a Material upgrade changes the message numbers or the config key.
 */
(function () {
  "use strict"

  var SETUP = 0
  var READY = 1
  var QUERY = 2
  var RESULT = 3
  var IDLE_MS = 2500

  /* Our own URL: in a real worker self.location; under iframe-worker (file://) the script tag. */
  var script = typeof document !== "undefined" && document.querySelector("script[src*='korean-search']")
  var here = new URL(script ? script.src : self.location.href)
  var material = (here.searchParams.get("material") || "").replace(/\?\d+$/, "")
  if (!material) throw new Error("korean-search.js: no ?material= worker URL")
  importScripts(new URL("korean-query.js", here).href)

  var listeners = []
  var nativeAdd = self.addEventListener.bind(self)
  var nativePost = self.postMessage.bind(self)
  var analyzer = null
  var pending = null      /* queries waiting for the full index, latest last */
  var loading = null
  var full = null         /* URL of the full index, when the page got the stub */
  var options = {}
  var capture = null      /* while we run a query ourselves: where Material's answer goes */

  /* Material's listener is kept, not registered: messages reach it through dispatch(). */
  self.addEventListener = function (type, listener, more) {
    if (type === "message") listeners.push(listener)
    else nativeAdd(type, listener, more)
  }
  self.postMessage = function (message) {
    if (capture) capture(message)
    else nativePost(message)
  }

  /* Hand a message to Material's handler; resolve with the message it posts back. */
  function dispatch(data) {
    return new Promise(function (resolve) {
      var done = false
      capture = function (message) {
        if (done) return nativePost(message)
        done = true
        capture = null
        resolve(message)
      }
      listeners.forEach(function (listener) { listener({ data: data }) })
    })
  }

  /* Queue: one message at a time, in order, as Material expects. */
  var chain = Promise.resolve()
  function serial(task) {
    chain = chain.then(task, task)
    return chain
  }

  var texts = new Map() // location -> its title and text, lower case, one space between words
  var pageWords = new Map() // page -> word -> how often the page writes it
  var shares = new Map() // topic -> page -> the page's share of the site's uses of it
  var wordPages = new Map() // word -> page -> how often the page writes it
  var siteWords = [] // the words of wordPages, sorted

  function setupAnalyzer(index) {
    KoreanQuery.markDocs(index.docs)
    texts = new Map()
    pageWords = new Map()
    var endings = new Set(KoreanQuery.ENDINGS.concat(KoreanQuery.DOC_PREDICATES, KoreanQuery.COPULAS))
    index.docs.forEach(function (doc) {
      var words = ((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>/g, " ").toLowerCase()
        .split(/[\s\u200b.,:;!?()[\]·"'`/]+/)
      /* without the particles, 하다 endings and copulas markDocs split off: `연결을 수립` has 연결 and 수립
         side by side */
      words = words.filter(function (word) { return word && !endings.has(word) })
      texts.set(doc.location, " " + words.join(" ") + " ")
      var at = String(doc.location).split("#")[0]
      if (!pageWords.has(at)) pageWords.set(at, new Map())
      var own = pageWords.get(at)
      words.forEach(function (word) { own.set(word, (own.get(word) || 0) + 1) })
    })
    shares = new Map()
    wordPages = new Map()
    pageWords.forEach(function (own, location) {
      own.forEach(function (count, word) {
        if (!wordPages.has(word)) wordPages.set(word, new Map())
        wordPages.get(word).set(location, count)
      })
    })
    siteWords = Array.from(wordPages.keys()).sort()
    var tokens = KoreanQuery.vocabulary(index.docs, index.config.separator)
    analyzer = KoreanQuery.create(tokens, index.config.synonyms || [], index.config.separator)
  }

  function loadFull() {
    if (!loading)
      loading = fetch(full)
        .then(function (response) {
          if (!response.ok) throw new Error("search index: HTTP " + response.status)
          return response.json()
        })
        .then(function (index) {
          setupAnalyzer(index)
          return serial(function () {
            return dispatch({ type: SETUP, data: { config: index.config, docs: index.docs, options: options } })
          })
        })
    return loading
  }

  function search(raw) {
    if (!analyzer || !String(raw).trim())
      return dispatch({ type: QUERY, data: raw })
    var query = analyzer.rewrite(raw)
    if (!query.strict) return Promise.resolve({ type: RESULT, data: { items: [] } })
    var topics = query.words
      .filter(function (w) { return w.known && !w.question })
      .map(function (w) { return w.text.toLowerCase() })
    var pairs = query.pairs || []
    return dispatch({ type: QUERY, data: query.strict }).then(function (strict) {
      if (query.loose === query.strict || !query.loose) return merge(strict, null, topics, pairs)
      return dispatch({ type: QUERY, data: query.loose }).then(function (loose) {
        return merge(strict, loose, topics, pairs)
      })
    })
  }

  /*
   * One list by score. A page only the loose query finds counts LOOSE_WEIGHT of its score. A
   * page whose own title holds the topic words gains TITLE_WEIGHT x the share of topic words in
   * it and the share of its title they make up (a short title that is the topic beats a long
   * one that mentions it: lunr's length normalisation is off in Material). A section of the
   * page whose own heading is the topic counts too, at SECTION_TITLE of that gain, and so does
   * the page's file name, as its title does.
   */
  var LOOSE_WEIGHT = self.KOREAN_LOOSE_WEIGHT || 0.4
  var TITLE_WEIGHT = self.KOREAN_TITLE_WEIGHT || 2
  var SECTION_TITLE = 0.8
  var TITLE_SPLIT = /[\s\u200b\-,:!=[\]()"`/.&;|?·→—…{}~×']+/

  function titleBonus(group, topics) {
    if (!topics.length) return 1
    var own = group.filter(function (item) { return String(item.location).indexOf("#") < 0 })[0] || group[0]
    var best = 1
    group.forEach(function (item) {
      best = Math.max(best, item === own ? coverage(item.title, topics) : SECTION_TITLE * coverage(item.title, topics))
    })
    return Math.max(best, coverage(fileName(page(group)), topics))
  }

  /* A page's file name is its subject in English words (network/tcp-handshake/ -> tcp handshake,
     network/ -> network): it counts as a second title of the page, for the terms readers type in
     English where the title is Korean. */
  function fileName(location) {
    return location.replace(/\/$/, "").split("/").pop().replace(/-/g, " ")
  }

  function coverage(title, topics) {
    var words = String(title || "").replace(/<[^>]*>/g, "").toLowerCase().split(TITLE_SPLIT)
      .filter(function (word) { return word && !KoreanQuery.ENDINGS.includes(word) })
    if (!words.length) return 1
    var hits = topics.filter(function (topic) {
      return words.some(function (word) { return word.lastIndexOf(topic, 0) === 0 })
    }).length
    var covered = words.filter(function (word) {
      return topics.some(function (topic) { return word.lastIndexOf(topic, 0) === 0 })
    }).length
    return 1 + TITLE_WEIGHT * (hits / topics.length) * (covered / words.length)
  }

  /* Topic words the reader typed next to each other (or as one word: `힙덤프`) that a result also
     has next to each other: 1 + PHRASE_WEIGHT x the share of such pairs in its best section. */
  var PHRASE_WEIGHT = self.KOREAN_PHRASE_WEIGHT || 0.5
  function phraseBonus(group, pairs) {
    if (!pairs.length) return 1
    var best = 0
    group.forEach(function (item) {
      var text = texts.get(item.location) || ""
      var hits = pairs.filter(function (pair) { return text.indexOf(" " + pair) >= 0 }).length
      best = Math.max(best, hits / pairs.length)
    })
    return 1 + PHRASE_WEIGHT * best
  }

  function merge(strict, loose, topics, pairs) {
    pairs = pairs || []
    var items = (strict.data && strict.data.items) || []
    var seen = new Set(items.map(page))
    var ranked = items.map(function (group) {
      return { group: group, score: group[0].score * titleBonus(group, topics) * phraseBonus(group, pairs) *
        ownerBonus(page(group), topics) }
    })
    ;((loose && loose.data && loose.data.items) || []).forEach(function (group) {
      if (!seen.has(page(group)))
        ranked.push({
          group: group,
          score: group[0].score * LOOSE_WEIGHT * titleBonus(group, topics) * phraseBonus(group, pairs) *
            ownerBonus(page(group), topics)
        })
    })
    ranked.sort(function (a, b) { return b.score - a.score })
    var data = Object.assign({}, strict.data, { items: ranked.map(function (r) { return r.group }) })
    if (!items.length && loose && loose.data) data.suggest = loose.data.suggest
    return { type: RESULT, data: data }
  }

  /* The page that is about the topic: 1 + OWN_WEIGHT x its share of the site's uses of each topic
     word (a prefix, as the query matches), averaged over the topic words. Lunr scores sections
     one by one, so one lucky section elsewhere could outrank the page that writes ARP or 누수
     throughout. */
  var OWN_WEIGHT = self.KOREAN_OWN_WEIGHT === undefined ? 1.5 : self.KOREAN_OWN_WEIGHT
  function share(topic) {
    if (!shares.has(topic)) {
      var per = new Map()
      var total = 0
      /* the words that start with the topic are one run of the sorted list */
      var at = KoreanQuery.lowerBound(siteWords, topic)
      for (; at < siteWords.length && siteWords[at].lastIndexOf(topic, 0) === 0; at++)
        wordPages.get(siteWords[at]).forEach(function (count, location) {
          per.set(location, (per.get(location) || 0) + count)
          total += count
        })
      per.forEach(function (n, location) { per.set(location, n / total) })
      shares.set(topic, per)
    }
    return shares.get(topic)
  }

  function ownerBonus(location, topics) {
    if (!topics.length || !OWN_WEIGHT) return 1
    var sum = 0
    topics.forEach(function (topic) { sum += share(topic).get(location) || 0 })
    return 1 + OWN_WEIGHT * sum / topics.length
  }

  function page(group) {
    return String(group[0].location).split("#")[0]
  }

  nativeAdd("message", function (event) {
    var message = event.data
    if (message.type === SETUP) {
      var index = message.data
      options = index.options || {}
      /* The stub has no docs; the full index's URL came with this worker's own URL. */
      full = !index.docs.length && here.searchParams.get("index") ? here.searchParams.get("index").replace(/\?\d+$/, "") : null
      if (full) {
        /* The stub: Material answers ready at once; the real index follows off the main thread. */
        serial(function () { return dispatch(message).then(nativePost) })
        setTimeout(loadFull, IDLE_MS)
      } else {
        setupAnalyzer(index)
        serial(function () { return dispatch(message).then(nativePost) })
      }
      return
    }
    if (message.type === QUERY) {
      var raw = message.data
      if (full && !analyzer && String(raw).trim()) {
        /* First real query: load now; answer only the latest query that waited. */
        pending = raw
        loadFull().then(function () {
          if (pending === null) return
          var latest = pending
          pending = null
          return serial(function () { return search(latest).then(nativePost) })
        }, function (error) {
          console.warn(error)
          nativePost({ type: RESULT, data: { items: [] } })
        })
        return
      }
      serial(function () { return search(raw).then(nativePost) })
      return
    }
    serial(function () { return dispatch(message).then(nativePost) })
  })

  /* iframe-worker (file://) loads scripts asynchronously and returns a promise. */
  var loaded = importScripts(material)
  var check = function () {
    if (!listeners.length) throw new Error("korean-search.js: Material's worker registered no message listener")
  }
  if (loaded && typeof loaded.then === "function") loaded.then(check)
  else check()
})()
