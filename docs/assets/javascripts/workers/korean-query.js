/*
 * Korean query analysis for Material's search (lunr), run inside the search worker.
 *
 * Material turns every query word into a prefix wildcard and never splits Hangul, so a particle
 * glued to a word (`쿠키란`), a compound typed without its space (`커넥션풀`) or a generic word
 * in a title (`… 차이`) decide the results. This module rewrites the reader's query, from rules
 * of the language and the index's own vocabulary (no entry per query):
 *
 *   1. split at Latin/digit <-> Hangul boundaries (`TLS란` -> `TLS 란`, `http헤더` -> `http 헤더`);
 *   2. strip a trailing particle or copula ending (a closed class) when what remains is a word
 *      the index knows; drop a word that is only an ending;
 *   3. segment an unspaced Hangul compound into words the index knows, and join spaced words
 *      when only the joined form is known;
 *   4. question words and light verbs (차이, 이유, 방법, 하는 …) stay optional when a topic word is
 *      present; topic words the index knows are required; unknown words (typos) get one edit
 *      of tolerance and stay optional;
 *   5. a word the index does not know but a reviewed synonym group does is replaced by the
 *      group's spelling the index uses most.
 *
 * rewrite() returns the strict query and, when it differs, a loose fallback (topic words
 * optional, question words dropped) for when no section holds every topic word.
 * Original case is kept: Material splits camelCase on it.
 *
 * Loaded with importScripts() by korean-search.js, and by node in the tests.
 */
(function (root) {
  "use strict"

  /* Particles and copula endings, longest first (a closed class of Korean). */
  var ENDINGS = [
    "이라는", "이라고", "이란게", "이란건", "이에요", "인가요", "입니다", "이란?",
    "에서는", "에서의", "으로는", "으로서", "으로써", "에게서", "이라면", "이라서",
    "에서", "으로", "에게", "까지", "부터", "처럼", "보다", "이나", "이란", "이다", "이랑",
    "라는", "라고", "인가", "인지", "이고", "이며", "에는", "에도", "와의", "과의", "로서", "로써",
    "란", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "로", "도", "만", "나", "랑",
    "요", "야"
  ]
  var ENDING_SET = new Set(ENDINGS)
  /* ...and the copula before a noun or a question (무상태인 이유, 필수인데, 싱글톤일까): in a query
     always, in the index only off a rare form of a commoner word (로그인 keeps its 인). */
  var COPULAS = ["인데", "일까", "이죠", "이지", "인", "일"]
  var QUERY_ENDINGS = ENDINGS.concat(COPULAS)

  /* Endings of 하다/되다 predicates (안전한가요, 설정하는, 적용되나요): the stem is the topic. */
  var PREDICATE_ENDINGS = [
    /* must and may (저장해야돼, 설정해도 되나요), before the short endings they end in */
    "해야하나요", "해야되나요", "해야돼요", "해야해요", "해야돼", "해야해", "해야함", "해야할까", "해야하는",
    "해도되나요", "해도돼", "하면되나요", "하면돼", "돼야", "되야",
    /* a request (설명해주세요, 정리해줄래): the stem is what the reader asks about */
    "해주세요", "해주실래요", "해주시겠어요", "해줄래요", "해줄래", "해줘요", "해줘", "해주라",
    /* past and honorific forms (설계했어요, 대응하시겠어요, 적용됐는데) */
    "하시겠어요", "했습니다", "하셨나요", "하시나요", "했는데", "했어요", "됐어요", "됐나요", "됐는데",
    "되었나요", "하세요", "하시면", "했던", "했을", "했고", "했죠", "했어", "됐다", "되었다",
    "하나요", "한가요", "합니다", "했나요", "해야", "해요", "하는", "하다", "한다", "하면", "하게",
    "하고", "하지", "할까", "하죠", "한가", "했다", "할때", "해서", "하려면", "되나요", "됩니다",
    "되는", "되다", "된다", "되면", "되고", "되지", "될까", "돼요", "되나", "돼서", "한", "할", "해",
    "된", "될", "돼", "시키는", "시키면", "시키다", "시키기", "시켜", "시킨", "시킬"
  ]

  /* A 하다/되다 form standing alone: the ending list, and the noun forms of the two verbs. */
  var PREDICATE_ALONE = new Set(PREDICATE_ENDINGS.concat(["함", "됨", "해도", "돼도", "되도"]))

  /* How Korean spells Latin letters (에이 = A, 엔 = N …): 제이피에이 -> JPA. */
  var LETTERS = [
    ["더블유", "w"], ["에이치", "h"], ["에이", "a"], ["에프", "f"], ["에스", "s"], ["에스", "s"],
    ["브이", "v"], ["엑스", "x"], ["와이", "y"], ["제트", "z"], ["아이", "i"], ["제이", "j"],
    ["케이", "k"], ["비", "b"], ["씨", "c"], ["디", "d"], ["이", "e"], ["지", "g"], ["엘", "l"],
    ["엠", "m"], ["엔", "n"], ["오", "o"], ["피", "p"], ["큐", "q"], ["알", "r"], ["티", "t"],
    ["유", "u"], ["지", "z"]
  ]

  /* Generic words of a question, not of its topic: low weight when a topic word is present. */
  var QUESTION_WORDS = new Set([
    "얼마나", "얼마", "몇", "어느", "누구", "뭘", "어때", "어떤가요", "좋나요", "되요",
    "원인", "해결", "해결법", "해결책", "대처", "대처법", "주의점", "주의사항", "팁", "구현",
    "구현법", "적용", "찾는법", "찾기", "뜨는법", "하는방법", "알려줘", "설명해줘", "정리해줘", "필요", "필요성",
    "차이", "차이점", "다른점", "다른", "비교", "vs", "versus", "이유", "왜", "목적", "방법", "방식",
    "하는법", "법", "장단점", "장점", "단점", "예시", "예제", "예", "과정", "흐름", "순서", "설명",
    "정리", "요약", "개념", "정의", "의미", "뜻", "원리", "동작", "동작원리", "작동", "작동원리",
    "종류", "특징", "역할", "구조", "면접", "질문", "답변", "기술면접", "뭐", "뭐야", "뭔가요",
    "뭐예요", "뭐에요", "무엇", "무엇인가", "무엇인가요", "무슨", "어떤", "어떻게", "언제", "어디",
    "어디서", "누가", "되나", "되나요", "되는", "되는지", "하는", "하나", "하나요", "하면", "할때",
    "때", "경우", "대해", "대한", "대해서", "관련", "관하여", "사용", "사용하는", "사용법", "쓰는",
    "쓰나", "쓰나요", "써야", "쓸때", "있는", "없는", "있나요", "좋은", "일", "것", "거", "점",
    "what", "is", "the", "a", "an", "how", "why", "when", "difference", "between", "and", "of",
    "in", "to", "for", "about",
    /* English function words (not `was`: WAS is a server; not `on`, `this`, `it`, `do`: code says
       them; not `my`, which 마이바티스 reads as the first word of MyBatis) */
    "you", "your", "i", "me", "we", "our", "its", "these", "those", "does", "did", "can", "could",
    "should", "would", "will", "are", "were", "be", "been", "with", "at", "by", "from",
    "안", "못", "아니고", "아니라", "아닌", "아니면", "아니다", "아니야", "아닌가요",
    /* adverbs and adjectives of degree and frequency: how, not what */
    "너무", "많이", "많은", "많을", "많다", "자꾸", "계속", "갑자기", "잘", "더", "좀", "가끔", "자주",
    "항상", "그냥", "진짜", "정말", "제일", "가장",
    /* what the reader does with a topic, not the topic: a list or contents of it, studying it */
    "목록", "목차", "공부", "총정리", "리스트",
    /* that something goes wrong, not what */
    "문제", "문제점",
    /* asking for the answer (알려 주세요, 설명 부탁드립니다): the request, not its topic */
    "주세요", "줘", "줘요", "줄래", "줄래요", "주실래요", "주시겠어요", "주라", "알려", "알려주세요",
    "알려줘요", "알려줄래", "가르쳐", "가르쳐줘", "가르쳐주세요", "말해줘", "말해주세요", "부탁",
    "부탁해", "부탁해요", "부탁합니다", "부탁드려요", "부탁드립니다"
  ])

  var HANGUL = /[\uac00-\ud7a3]/
  var SCRIPT_RUN = /[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g
  /* lunr's operators and quotes; a + or - at the start of a word, or right after a character this
     drops (`-XX:+Flag`), is an operator too. One pass: the dropped character is matched first. */
  var LUNR_SPECIAL = /(^|[\s~^*:"'`])[+\-]+|[~^*:"'`]/g
  var MAX_WORDS = 12
  var MAX_LENGTH = 120

  function isHangul(word) {
    return HANGUL.test(word)
  }

  /* 셰 -> [ㅅ, ㅖ]: syllables as initial, medial and (optional) final jamo codes. */
  var jamoOf = new Map() /* jamo() is asked for the same vocabulary words on every query */
  function jamo(word) {
    var known = jamoOf.get(word)
    if (known) return known
    var out = []
    for (var i = 0; i < word.length; i++) {
      var code = word.charCodeAt(i) - 0xac00
      if (code < 0 || code > 11171) { out.push(word.charCodeAt(i) + 100000); continue }
      out.push(Math.floor(code / 588), 19 + Math.floor((code % 588) / 28))
      if (code % 28) out.push(40 + (code % 28))
    }
    jamoOf.set(word, out)
    return out
  }

  /*
   * A Korean spelling of an English term (프리플라이트, 마이바티스) -> the term the index writes
   * (preflight, MyBatis). Both sides become a skeleton of the consonants Korean uses for English
   * sounds: K (ㄱㅋ c k q g), T (ㄷㅌ d t), P (ㅂㅍ b p f v), S (ㅅㅈㅊ s z j ch sh th, soft c/g),
   * L (ㄹ l r), M, N, G (final ㅇ, ng); vowels, h, w, y and repeats drop out. English r after a
   * vowel and before no vowel is silent in Korean loanwords (server -> 서버), though readers also
   * spell it out (코르스 for CORS); English spellings that could be read two ways (soft or hard g,
   * a silent or spelled-out r) give two skeletons.
   */
  var CHO_KEY = ["K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "S", "S", "S", "K", "T", "P", ""]
  var JONG_KEY = ["", "K", "K", "K", "N", "N", "N", "T", "L", "L", "L", "L", "L", "L", "L", "L", "M",
    "P", "P", "T", "T", "G", "T", "T", "K", "T", "P", "T"]

  function collapse(key) {
    return key.replace(/(.)\1+/g, "$1")
  }

  function hangulKey(word, uncollapsed) {
    var key = ""
    for (var i = 0; i < word.length; i++) {
      var code = word.charCodeAt(i) - 0xac00
      if (code < 0 || code > 11171) return ""
      key += CHO_KEY[Math.floor(code / 588)] + JONG_KEY[code % 28]
    }
    return uncollapsed ? key : collapse(key)
  }

  /* Syllables with a vowel other than ㅡ, the one Korean adds between English consonants (스, 트):
     an English vowel sound may take two (라이 for i in preflight), never more. */
  function fullVowels(word) {
    var n = 0
    for (var i = 0; i < word.length; i++) if (Math.floor(((word.charCodeAt(i) - 0xac00) % 588) / 28) !== 18) n++
    return n
  }

  /* The runs of vowel letters of English words (preflight: e, i). */
  function englishVowels(words) {
    return words.join(" ").toLowerCase().split(/[^aeiouy]+/).filter(Boolean)
  }

  function vowelGroups(words) {
    return englishVowels(words).length
  }

  /* Vowel sounds of English words, a final silent e not counted (home, space): Korean gives each
     at least a syllable of its own (하이재킹 for hijacking, so 체킹 is not it). */
  function spokenVowels(words) {
    return vowelGroups(words.map(function (w) { return w.replace(/([^aeiouy])e$/i, "$1") }))
  }

  /* A Hangul spelling starts with a silent ㅇ exactly when the English word starts with a vowel
     sound (인터페이스, 웹, 야믈, 아워; not 네트웍 for integer)... */
  function sameOnset(form, english) {
    var initial = Math.floor((form.charCodeAt(0) - 0xac00) / 588)
    var silent = initial === 11
    var first = english[0].toLowerCase()
    /* ...and with ㅎ exactly when it starts with h or wh (해시, 하이버네이트, 화이트; 프론트 is not
       hibernate, 헤더 not document), a silent h aside (아워) */
    if ((initial === 18) !== (first === "h" || english.toLowerCase().lastIndexOf("wh", 0) === 0))
      return silent && first === "h"
    /* ...and with ㅋ ㅌ ㅍ for a voiceless k c q t p f, with ㄱ ㄷ ㅂ for a voiced g d b v, as loanwords
       are spelt (코르스에러 is CORS 에러, not google sre; 바디 is body) */
    if ((initial === 15 || initial === 16 || initial === 17) && /[gdbv]/.test(first)) return false
    if ((initial === 0 || initial === 3 || initial === 7) && /[kcqtpf]/.test(first)) return false
    return /[aeiou]/.test(first) ? silent : silent ? /[wyh]/.test(first) : true
  }

  /* Voicing of the stops that open a full syllable, in order: Korean spells a voiceless English k c q t
     p f with ㅋ ㅌ ㅍ and a voiced g d b v with ㄱ ㄷ ㅂ (턴 of 레이턴시 is the t of latency, not the d
     of readiness). Only stops before a vowel count on the English side, only syllables with a vowel
     other than ㅡ on the Korean side; when the two counts differ, nothing is judged. */
  var HANGUL_VOICE = { 0: "1", 3: "1", 7: "1", 15: "0", 16: "0", 17: "0" }
  function voicingAgrees(form, words) {
    var korean = ""
    for (var i = 0; i < form.length; i++) {
      var code = form.charCodeAt(i) - 0xac00
      var initial = Math.floor(code / 588)
      if (Math.floor((code % 588) / 28) !== 18 && HANGUL_VOICE[initial]) korean += HANGUL_VOICE[initial]
    }
    var english = ""
    var letters = words.join(" ").toLowerCase().replace(/e\b/g, " ").replace(/ph/g, "f").replace(/ck/g, "k")
    var stop = /([kcqtpfgdbv])(?=([aeiouy]))/g
    for (var m = stop.exec(letters); m; m = stop.exec(letters))
      if (!/[cg]/.test(m[1]) || !/[eiy]/.test(m[2])) english += /[gdbv]/.test(m[1]) ? "1" : "0" /* soft c, g: no stop */
    return korean.length !== english.length || korean === english
  }

  /* English vowel letters each Hangul vowel stands for in loanwords (커넥션: ㅓ for o). */
  var VOWEL_LETTERS = ["ao", "ae", "aiy", "ae", "aeiou", "ae", "eiuy", "e", "o", "ao", "ae", "eo", "ouy",
    "uo", "oua", "ea", "ie", "ue", "", "", "iey"]

  /* How many of the Hangul word's vowels (ㅡ, the one Korean adds, left out) agree in order with
     the English vowel groups: the length of their longest common subsequence. */
  function vowelsAgree(form, words) {
    var hangul = hangulVowels(form)
    var groups = englishVowels(words)
    var row = groups.map(function () { return 0 })
    hangul.forEach(function (letters) {
      var diagonal = 0
      var left = 0
      groups.forEach(function (group, g) {
        var up = row[g]
        var match = group.split("").some(function (c) { return letters.indexOf(c) >= 0 })
        row[g] = match ? diagonal + 1 : Math.max(up, left)
        diagonal = up
        left = row[g]
      })
    })
    return row.length ? row[row.length - 1] : 0
  }

  /* Vowels to agree: as many as the longer of the two spellings has. */
  function vowelSlots(form, words) {
    return Math.max(hangulVowels(form).length, vowelGroups(words))
  }

  /* Medial codes (as jamo order gives them): ㅗ ㅜ ㅠ ㅣ, then ㅏ ㅐ ㅓ ㅗ */
  var HIATUS_FIRST = [8, 13, 17, 20]
  var HIATUS_SECOND = [0, 1, 4, 8]

  /* The English vowel letters a Hangul word's vowels can stand for, one entry per vowel sound. */
  function hangulVowels(form) {
    var hangul = []
    for (var i = 0; i < form.length; i++) {
      var v = Math.floor(((form.charCodeAt(i) - 0xac00) % 588) / 28)
      /* a diphthong spelled over two syllables: 라이 for i (light), 테이 for a (table), 마우 for ou */
      var next = form.charCodeAt(i + 1) - 0xac00
      var glide = next >= 0 && Math.floor(next / 588) === 11 ? Math.floor((next % 588) / 28) : -1
      var pair = v === 0 && glide === 20 ? "iy" : v === 5 && glide === 20 ? "a" : v === 0 && glide === 13 ? "ou" : ""
      /* two English vowels in a row, the second in a syllable of its own after ㅗ, ㅜ, ㅠ or ㅣ (추얼 for
         ua in virtual, 로액 for oa in proactor, 디오 for eo in video): one run of vowel letters */
      var open = (form.charCodeAt(i) - 0xac00) % 28 === 0
      if (pair) { hangul.push(pair); i++ }
      else if (open && HIATUS_FIRST.indexOf(v) >= 0 && HIATUS_SECOND.indexOf(glide) >= 0) {
        hangul.push(VOWEL_LETTERS[v] + VOWEL_LETTERS[glide])
        i++
      }
      else if (VOWEL_LETTERS[v]) hangul.push(VOWEL_LETTERS[v])
    }
    return hangul
  }

  var VOWEL = /[aeiouy]/
  var LETTER_KEY = { b: "P", p: "P", f: "P", v: "P", d: "T", t: "T", k: "K", q: "K", s: "S", z: "S",
    j: "S", l: "L", m: "M", n: "N", x: "KS" }

  function englishKeys(word) {
    var w = word.toLowerCase()
    if (!/^[a-z]+$/.test(w)) return []
    var keys = []
    ;[true, false].forEach(function (softG) {
      ;[true, false].forEach(function (silentR) {
      ;[false, true].forEach(function (hardTh) {
        var key = ""
        for (var i = 0; i < w.length; i++) {
          var c = w[i]
          var next = w[i + 1] || ""
          var prev = w[i - 1] || ""
          if ((c === "t" || c === "s") && next === "i" && w[i + 2] === "o") key += "S"
          /* t before u and a vowel, or in a final -ture, is ㅊ in loanwords (virtual 버추얼, structure
             스트럭처) but not always (tuple, return): read both ways */
          else if (c === "t" && next === "u" && (VOWEL.test(w[i + 2] || "") || /^res?$/.test(w.slice(i + 2))))
            key += hardTh ? "T" : "S"
          else if (c === "p" && next === "h") { key += "P"; i++ }
          else if (c === "g" && next === "h") i++
          else if (c === "c" && next === "k") { key += "K"; i++ }
          else if ((c === "c" || c === "s" || c === "t") && next === "h") { key += hardTh && c === "t" ? "T" : "S"; i++ }
          else if (c === "n" && next === "g") {
            var after = w[i + 2] || ""
            if (/[eiy]/.test(after) && softG) key += "NS"
            else key += VOWEL.test(after) ? "GK" : "G"
            i++
          }
          else if (c === "c") key += /[eiy]/.test(next) ? "S" : "K"
          else if (c === "g") key += /[eiy]/.test(next) && softG ? "S" : "K"
          else if (c === "r") {
            if (!silentR || !(VOWEL.test(prev) && !VOWEL.test(next))) key += "L"
          }
          else if (LETTER_KEY[c]) key += LETTER_KEY[c]
        }
        key = collapse(key)
        if (keys.indexOf(key) < 0) keys.push(key)
      })
      })
    })
    return keys
  }

  /* Jamo Korean pronounces the same, so a typo between them is half an edit (태스트 is 테스트
     before 태스크): the vowels ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅚ/ㅞ, and finals that sound alike (ㄷ ㅅ ㅆ ㅈ ㅊ ㅌ;
     ㄱ ㄲ ㅋ; ㅂ ㅍ). Codes as jamo() gives them. */
  var ALIKE = new Map()
  ;[[19 + 1, 19 + 5], [19 + 3, 19 + 7], [19 + 10, 19 + 11, 19 + 15],
    [40 + 7, 40 + 19, 40 + 20, 40 + 22, 40 + 23, 40 + 25], [40 + 1, 40 + 2, 40 + 24], [40 + 17, 40 + 26]]
    .forEach(function (group, n) { group.forEach(function (code) { ALIKE.set(code, n) }) })
  var ALIKE_GROUP = []
  ALIKE.forEach(function (group, code) { ALIKE_GROUP[code] = group })
  function soundAlike(a, b) {
    var group = ALIKE_GROUP[a]
    return group !== undefined && group === ALIKE_GROUP[b]
  }

  /* A final consonant typed or left out (면저 for 면접) is half an edit: the commonest slip. */
  function gap(code) {
    return code > 40 && code < 100000 ? 0.5 : 1
  }

  /* A final stop and the same consonant released with ㅡ are one spelling in loanwords (네트웍 and
     네트워크, 셋 and 세트): jamo() codes of the final -> initials it may stand for. */
  var RELEASED = { 41: [0, 15], 57: [7, 17], 59: [9, 16, 3], 47: [3, 16] }
  var EU = 19 + 18

  /* Edit distance of two sequences, an adjacent swap (`tarnsaction`) counting one edit (optimal
     string alignment); gives up (returning limit) once two rows in a row reach limit. */
  function edits(a, b, limit) {
    if (Math.abs(a.length - b.length) >= limit) return limit
    var n = b.length
    /* three rows of the table, reused (this runs for thousands of candidates per query) */
    var before = new Float64Array(n + 1)
    var previous = new Float64Array(n + 1)
    var current = new Float64Array(n + 1)
    var previousLow = 0
    for (var j = 0; j <= n; j++) previous[j] = j
    for (var i = 1; i <= a.length; i++) {
      var x = a[i - 1]
      var gapX = gap(x)
      var releasedX = RELEASED[x]
      current[0] = i
      var low = i
      for (var k = 1; k <= n; k++) {
        var y = b[k - 1]
        var cost = x === y ? 0 : soundAlike(x, y) ? 0.5 : 1
        var value = Math.min(previous[k] + gapX, current[k - 1] + gap(y), previous[k - 1] + cost)
        if (i > 1 && k > 1 && x === b[k - 2] && a[i - 2] === y)
          value = Math.min(value, before[k - 2] + 1)
        /* 웍 for 워크 (half an edit), either way round */
        if (k > 1 && y === EU && releasedX && releasedX.indexOf(b[k - 2]) >= 0)
          value = Math.min(value, previous[k - 2] + 0.5)
        if (i > 1 && x === EU && RELEASED[y] && RELEASED[y].indexOf(a[i - 2]) >= 0)
          value = Math.min(value, before[k - 1] + 0.5)
        current[k] = value
        if (value < low) low = value
      }
      if (low >= limit && previousLow >= limit) return limit
      var spare = before
      before = previous
      previous = current
      current = spare
      previousLow = low
    }
    return Math.min(previous[n], limit)
  }

  /* A lower bound of 4 x edits(a, b): how many symbols (ㅡ left out) one has more than the other,
     summed. No edit changes that sum by more than 4 x its cost (a half-edit of a final or a
     sound-alike by at most 2, 웍 -> 워크 by 2 with its ㅡ left out, a swap not at all). Symbols
     share a slot by their low 8 bits, which only makes the bound lower. */
  var TALLY = new Int32Array(256)
  function tallyGap(a, b) {
    var text = typeof a === "string"
    var i
    var slot
    var sum = 0
    for (i = 0; i < a.length; i++) TALLY[(text ? a.charCodeAt(i) : a[i]) & 255]++
    for (i = 0; i < b.length; i++) TALLY[(text ? b.charCodeAt(i) : b[i]) & 255]--
    TALLY[EU] = 0
    for (i = 0; i < a.length; i++) { slot = (text ? a.charCodeAt(i) : a[i]) & 255; sum += Math.abs(TALLY[slot]); TALLY[slot] = 0 }
    for (i = 0; i < b.length; i++) { slot = (text ? b.charCodeAt(i) : b[i]) & 255; sum += Math.abs(TALLY[slot]); TALLY[slot] = 0 }
    return sum
  }

  /* Which of 64 slots a spelling's symbols fall in (tallyGap's slots, folded, ㅡ's left out), as
     two 32-bit masks: the symbols one spelling has and the other lacks bound tallyGap from below. */
  function presence(a) {
    var text = typeof a === "string"
    var low = 0
    var high = 0
    for (var i = 0; i < a.length; i++) {
      var slot = (text ? a.charCodeAt(i) : a[i]) & 255
      if (slot % 64 === EU) continue
      if (slot % 64 < 32) low |= 1 << (slot % 64)
      else high |= 1 << (slot % 64 - 32)
    }
    return [low, high]
  }
  function bits(n) {
    n = n - ((n >>> 1) & 0x55555555)
    n = (n & 0x33333333) + ((n >>> 2) & 0x33333333)
    return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
  }

  /*
   * The other keyboard mode (한/영): a word typed on the standard Korean layout (두벌식) while the
   * keyboard was in English mode (`tmfkdltm` for 슬라이스), or the other way (`ㅓㅔㅁ` for jpa).
   * fromKeys() composes the jamo of the keys into syllables, or gives null when they do not make
   * whole syllables; toKeys() gives back the keys of a Hangul text.
   */
  var KEYS = "qwertyuiopasdfghjklzxcvbnm"
  var KEY_JAMO = "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡ"
  var SHIFTED = { Q: "ㅃ", W: "ㅉ", E: "ㄸ", R: "ㄲ", T: "ㅆ", O: "ㅒ", P: "ㅖ" }
  var CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
  var JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
  var JONG = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
    "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
  /* Two keys that make one vowel or one final consonant. */
  var DOUBLE = { "ㅗㅏ": "ㅘ", "ㅗㅐ": "ㅙ", "ㅗㅣ": "ㅚ", "ㅜㅓ": "ㅝ", "ㅜㅔ": "ㅞ", "ㅜㅣ": "ㅟ", "ㅡㅣ": "ㅢ",
    "ㄱㅅ": "ㄳ", "ㄴㅈ": "ㄵ", "ㄴㅎ": "ㄶ", "ㄹㄱ": "ㄺ", "ㄹㅁ": "ㄻ", "ㄹㅂ": "ㄼ", "ㄹㅅ": "ㄽ",
    "ㄹㅌ": "ㄾ", "ㄹㅍ": "ㄿ", "ㄹㅎ": "ㅀ", "ㅂㅅ": "ㅄ" }
  var SINGLE = {}
  Object.keys(DOUBLE).forEach(function (pair) { SINGLE[DOUBLE[pair]] = pair })

  function isVowelJamo(j) {
    return !!j && JUNG.indexOf(j) >= 0
  }

  function fromKeys(word) {
    var js = []
    for (var k = 0; k < word.length; k++) {
      var at = KEYS.indexOf(word[k].toLowerCase())
      if (at < 0) return null
      js.push(SHIFTED[word[k]] || KEY_JAMO[at])
    }
    var out = ""
    var i = 0
    while (i < js.length) {
      var first = js[i]
      var vowel = js[i + 1]
      if (CHO.indexOf(first) < 0 || !isVowelJamo(vowel)) return null
      i += 2
      if (isVowelJamo(DOUBLE[vowel + js[i]])) vowel = DOUBLE[vowel + js[i++]]
      var last = 0
      /* a consonant before a vowel starts the next syllable */
      if (js[i] && !isVowelJamo(js[i]) && !isVowelJamo(js[i + 1]) && JONG.indexOf(js[i]) > 0) {
        var both = DOUBLE[js[i] + js[i + 1]]
        if (both && !isVowelJamo(js[i + 2])) { last = JONG.indexOf(both); i += 2 }
        else last = JONG.indexOf(js[i++])
      }
      out += String.fromCharCode(0xac00 + (CHO.indexOf(first) * 21 + JUNG.indexOf(vowel)) * 28 + last)
    }
    return out
  }

  function toKeys(text) {
    var out = ""
    var key = function (j) {
      ;(SINGLE[j] || j).split("").forEach(function (one) {
        var at = KEY_JAMO.indexOf(one)
        if (at < 0) for (var upper in SHIFTED) if (SHIFTED[upper] === one) at = KEYS.indexOf(upper.toLowerCase())
        out += at < 0 ? "?" : KEYS[at]
      })
    }
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i) - 0xac00
      if (code >= 0 && code <= 11171) {
        key(CHO[Math.floor(code / 588)])
        key(JUNG[Math.floor((code % 588) / 28)])
        if (code % 28) key(JONG[code % 28])
      } else if (/[\u3131-\u3163]/.test(text[i])) key(text[i])
      else if (/[0-9a-z]/i.test(text[i])) out += text[i].toLowerCase()
      else return null
    }
    return out.indexOf("?") < 0 ? out : null
  }

  /* Where word is, or would be, in a sorted list (the first entry not before it). */
  function lowerBound(sorted, word) {
    var lo = 0
    var hi = sorted.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (sorted[mid] < word) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /* The analyzer over one index's vocabulary (lower-cased tokens) and synonym groups. */
  function create(tokens, synonymGroups, separator) {
    var split = separator ? new RegExp(separator, "u") : /\s+/
    var vocab = new Set()
    var counts = new Map()
    tokens.forEach(function (token) {
      var lower = token.toLowerCase()
      vocab.add(lower)
      counts.set(lower, (counts.get(lower) || 0) + 1)
    })
    var sorted = Array.from(vocab).sort()
    /* Acronyms: words the site writes in capitals (CORS, ARP), lower-cased, and how often. */
    var capitals = new Map()
    tokens.forEach(function (token) {
      if (/^[A-Z][A-Z0-9]+$/.test(token)) capitals.set(token.toLowerCase(), (capitals.get(token.toLowerCase()) || 0) + 1)
    })

    /* Skeleton -> the Latin words (and runs of two or three, `out of memory`) the index writes. */
    var byKey = new Map()
    function addKey(key, words) {
      if (key.replace(/[^A-Z]/g, "").length < 2) return
      var count = Math.min.apply(null, words.map(function (w) { return counts.get(w.toLowerCase()) || 1 }))
      if (!byKey.has(key)) byKey.set(key, [])
      var list = byKey.get(key)
      var same = words.join(" ").toLowerCase()
      var old = list.filter(function (c) { return c.words.join(" ").toLowerCase() === same })[0]
      if (!old) list.push({ words: words, count: count })
      else if (count > old.count) { old.words = words; old.count = count }
    }
    var latin = /^[a-z]{2,}$/i
    var lowered = tokens.map(function (token) { return token.toLowerCase() })
    /* Runs of two or three English words and how often the site writes each (`out of memory`). */
    var latinRuns = new Map()
    for (var r = 0; r + 1 < lowered.length; r++) {
      if (!latin.test(lowered[r]) || !latin.test(lowered[r + 1])) continue
      var two = lowered[r] + " " + lowered[r + 1]
      latinRuns.set(two, (latinRuns.get(two) || 0) + 1)
      if (latin.test(lowered[r + 2] || "")) {
        var three = two + " " + lowered[r + 2]
        latinRuns.set(three, (latinRuns.get(three) || 0) + 1)
        if (latin.test(lowered[r + 3] || "")) { /* OncePerRequestFilter */
          var four = three + " " + lowered[r + 3]
          latinRuns.set(four, (latinRuns.get(four) || 0) + 1)
        }
      }
    }
    /* How often the site writes these words, in this order (counted once per phrase asked). */
    var phrases = new Map()
    function phraseCount(words) {
      var wanted = words.map(function (w) { return w.toLowerCase() })
      if (wanted.length === 1) return counts.get(wanted[0]) || 0
      var key = wanted.join(" ")
      if (latinRuns.has(key)) return latinRuns.get(key)
      if (!phrases.has(key)) {
        var found = 0
        for (var at = 0; at + wanted.length <= lowered.length; at++) {
          var k = 0
          while (k < wanted.length && lowered[at + k] === wanted[k]) k++
          if (k === wanted.length) found++
        }
        phrases.set(key, found)
      }
      return phrases.get(key)
    }
    vocab.forEach(function (word) {
      if (word.length >= 3 && latin.test(word)) englishKeys(word).forEach(function (key) { addKey(key, [word]) })
    })
    /* A run of words only where the site repeats it, not two code tokens side by side once. */
    latinRuns.forEach(function (count, run) {
      var words = run.split(" ")
      if (count < 2 || words.length > 3) return
      var joined = words.map(englishKeys).reduce(function (acc, keys) {
        var out = []
        acc.forEach(function (a) { keys.forEach(function (k) { out.push(a + k) }) })
        return out.slice(0, 8)
      }, [""])
      joined.forEach(function (key) { if (key.length >= 4) addKey(collapse(key), words) })
    })
    /* A reading that agrees with the Hangul in every vowel, as well as in its consonants. */
    function agreeing(words) {
      var out = words.slice()
      out.whole = true
      return out
    }
    function transliterated(word, typed) {
      /* Without its particle if it has one (`악수를` is 악수 + 를, not an English word ending in l);
         a run of English words only for a long Hangul word (아웃오브메모리, not 좋아졌어; of four
         syllables when every vowel agrees: 겟포스트 is GET POST), and only
         with no more full vowels than the English can sound (`풀사이즈` is not flush). */
      /* ...and never a word with a sentence-final ending (`뭘까요`, `대응하시겠어요`, `했죠`): no loanword ends so */
      if (/[요까죠]$/.test(word)) return null
      var bare = stems(word).slice(1).filter(function (stem) { return stem.length >= 2 })
      var forms = bare.length ? bare : [word]
      for (var i = 0; i < forms.length; i++) {
        var key = hangulKey(forms[i])
        var form = forms[i]
        /* The commonest term with these consonants, unless it starts otherwise than the Hangul
           (with a vowel or not: 네트웍 is not integer) or a rarer one agrees in every vowel where it
           does not (`코르스` is CORS, not class). */
        var all = key && byKey.get(key) || []
        var agrees = function (c) { return vowelsAgree(form, c.words) === vowelSlots(form, c.words) }
        var fits = all.filter(function (c) {
          var run = c.words.length === 1 || form.length >= 5 || (form.length >= 4 && agrees(c))
          return run && fullVowels(form) <= 2 * vowelGroups(c.words) &&
            form.length >= spokenVowels(c.words) && sameOnset(form, c.words[0]) &&
            voicingAgrees(form, c.words)
        })
        var top = all.slice().sort(function (a, b) { return b.count - a.count })[0]
        var whole = fits.filter(agrees).sort(function (a, b) { return b.count - a.count })
        /* Two consonants are many words' (코스: cors, case, cookies): only a word typed on its own
           as it is (not a part of 엔진엑스 or 좋아졌어, no ending taken off: 터져요), of two
           syllables or more, with no consonant the skeleton merged
           (구글 is not curl; ㄹㄹ is one l), read by a term the site writes often (5 times or more:
           포크 is not book) that agrees in every vowel and sounds as many (바디 is body; 이태그 is
           not edge, 탐 not team, 튀는 not then). */
        if (key.length < 3) {
          var plain = typed && form === word && form.length >= 2 &&
            hangulKey(form, true).replace(/LL/g, "L") === key
          var exact = whole.filter(function (c) {
            return plain && c.count >= 5 && fullVowels(form) === spokenVowels(c.words)
          })
          if (exact.length) return agreeing(exact[0].words)
          continue
        }
        if (top && fits.indexOf(top) >= 0 && (!whole.length || whole.indexOf(top) >= 0))
          return whole.length ? agreeing(top.words) : top.words
        if (whole.length) return agreeing(whole[0].words)
      }
      return null
    }

    /* Is there an index token that starts with this prefix (what a wildcard would match)? */
    function isPrefix(word) {
      var lower = word.toLowerCase()
      var lo = lowerBound(sorted, lower)
      return lo < sorted.length && sorted[lo].lastIndexOf(lower, 0) === 0
    }

    /* Does an index token hold this word in its middle (`셰이크` in `핸드셰이크`)? */
    function isInfix(word) {
      var lower = word.toLowerCase()
      for (var i = 0; i < sorted.length; i++) if (sorted[i].indexOf(lower) > 0) return true
      return false
    }

    /* A word typed in the other keyboard mode, as meant: Hangul of two syllables or more (short:
       one is enough) that the analysis reads as words of the index, or the keys of a Hangul/jamo word (a particle typed
       after it kept) that are a token of the index. Anything else stays as typed. */
    function otherLayout(token, short) {
      if (/^[a-z]{2,}$/i.test(token) && !vocab.has(token.toLowerCase()) && !isPrefix(token)) {
        var hangul = fromKeys(token)
        var read = hangul && hangul.length >= (short ? 1 : 2) ? analyseHangul(hangul) : []
        if (read.length && read.every(function (w) { return w.known && !w.corrected && !w.infix }))
          return hangul
      }
      if (/[\u3131-\u3163]/.test(token)) {
        var forms = [[token, ""]]
        ENDINGS.forEach(function (ending) {
          if (token.length > ending.length && token.slice(-ending.length) === ending)
            forms.push([token.slice(0, -ending.length), ending])
        })
        for (var i = 0; i < forms.length; i++) {
          var keys = toKeys(forms[i][0])
          if (keys && vocab.has(keys)) return keys + forms[i][1]
        }
      }
      return token
    }

    /* Is this a word of the index: a token itself, or a token with a particle? */
    function isWord(word) {
      var lower = word.toLowerCase()
      if (vocab.has(lower)) return true
      if (!isHangul(lower)) return false
      for (var i = 0; i < ENDINGS.length; i++)
        if (vocab.has(lower + ENDINGS[i])) return true
      return false
    }

    /* Split an unspaced Hangul word into the fewest words the index knows (two or more). A
       particle between them is dropped (`쿠키와세션` -> 쿠키, 세션); a question word counts as a word
       even where the index never writes it (`세션저장방법`). withUnknown (1, or 2 to allow words
       of one syllable) lets exactly one part of two syllables or more be a word the index does not
       know (`레디스|세션`), the fewer of its syllables the better. */
    function segment(word, withUnknown) {
      var n = word.length
      /* best[i][u]: the cheapest split of word[0:i], u = 1 once it holds its one unknown piece */
      var best = []
      for (var b = 0; b <= n; b++) best.push([null, null])
      best[0][0] = { parts: [], cost: 0, ending: false }
      for (var end = 1; end <= n; end++)
        for (var start = Math.max(0, end - 12); start < end; start++)
          for (var u = 0; u < 2; u++) {
            var from = best[start][u]
            if (from === null) continue
            var piece = word.slice(start, end)
            var next
            var used = u
            if (withUnknown && !u && piece.length >= 2 && piece.length < n && !isWord(piece) &&
                !ENDING_SET.has(piece)) {
              /* the fewer syllables left unknown the better; of as many, one a typo fix reads
                 (`고르틴|패닉`, not `고르|틴패닉`) */
              used = 1
              next = { parts: from.parts.concat([{ text: piece, known: false }]),
                cost: from.cost + 1 + 2 * piece.length - (correct(piece) ? 0.5 : 0), ending: false }
            } else if (ENDING_SET.has(piece)) {
              if (!from.parts.length || from.ending) continue
              next = { parts: from.parts, cost: from.cost + 0.5, ending: true }
            } else {
              if (piece.length === 1 && (withUnknown === 1 || !vocab.has(piece))) continue
              var spelling = !isWord(piece) && spellings.has(piece)
              if (!isWord(piece) && !QUESTION_WORDS.has(piece) && !spelling) continue
              /* a synonym's spelling (`타임웨이트|포트`) is a part the synonym then replaces */
              next = { parts: from.parts.concat([{ text: piece, known: !spelling }]), cost: from.cost + 1, ending: false }
            }
            if (best[end][used] === null || next.cost < best[end][used].cost) best[end][used] = next
          }
      var found = best[n][withUnknown ? 1 : 0]
      found = found && found.parts
      if (!found || found.length < 2) return null
      /* Single syllables only (`세선` -> `세`+`선`) is a typo, not a compound: leave it to correct(). */
      if (found.every(function (part) { return part.text.length === 1 })) return null
      return found
    }

    /* Stems of a Hangul word: itself, then without each ending it carries (longest first). */
    function stems(word) {
      var found = [word]
      for (var i = 0; i < QUERY_ENDINGS.length; i++) {
        var ending = QUERY_ENDINGS[i]
        if (word.length > ending.length && word.slice(-ending.length) === ending)
          found.push(word.slice(0, -ending.length))
      }
      return found
    }

    /* 제이피에이 -> "jpa" when the whole word spells Latin letters, else null. */
    function spelledLetters(word) {
      /* ㅐ and ㅔ sound alike: 애이오피 is 에이오피 */
      word = word.replace(/[\uac00-\ud7a3]/g, function (syllable) {
        var code = syllable.charCodeAt(0) - 0xac00
        return Math.floor((code % 588) / 28) === 1 ? String.fromCharCode(syllable.charCodeAt(0) + 4 * 28) : syllable
      })
      var out = ""
      var i = 0
      while (i < word.length) {
        var found = false
        for (var l = 0; l < LETTERS.length; l++)
          if (word.substr(i, LETTERS[l][0].length) === LETTERS[l][0]) {
            out += LETTERS[l][1]
            i += LETTERS[l][0].length
            found = true
            break
          }
        if (!found) return null
      }
      return out.length >= 2 ? out : null
    }

    /* A split with one unknown part -> the split with that part corrected (or, if english, read
       as an English term, or spelled Latin letters or a synonym's spelling as it would be typed
       alone: `엔엘비에이엘비|차이` is NLB ALB), or null when nothing reads it. */
    function resolve(parts, english) {
      var out = []
      for (var i = 0; parts && i < parts.length; i++) {
        var part = parts[i]
        if (part.known) { out.push(part); continue }
        var fixed = correct(part.text)
        var term = !fixed && english ? transliterated(part.text) : null
        var alone = !fixed && !term ? readAlone(part.text) : null
        if (fixed) out.push({ text: fixed, known: true, corrected: true })
        else if (term) term.forEach(function (w) { out.push({ text: w, known: true, spelled: true }) })
        else if (alone) alone.forEach(function (w) { out.push(w) })
        else return null
      }
      return parts ? out : null
    }

    /* A part of a compound read as if typed on its own, when that gives only Latin words
       (`엔엘비에이엘비` -> NLB ALB) or a synonym's spelling (`에스에스엘`); else null (a Hangul reading
       of a part, `는일` or `가요`, is no better than the split that left it unknown). */
    function readAlone(text) {
      var words = analyseHangul(text, 1)
      var latin = words.length && words.every(function (w) {
        return w.known ? !w.infix && !isHangul(w.text) : Boolean(synonymFor(w.text))
      })
      return latin ? words : null
    }

    /* Does a typo fix have other consonants than the word typed (with or without its particle)? */
    function changesConsonants(fixed, word) {
      return hangulKey(fixed) !== hangulKey(word) && hangulKey(fixed) !== hangulKey(stems(word).pop())
    }

    /* Does a Korean spelling of an English term that agrees in every consonant and vowel read
       this word, where its closest one-edit typo fix has other consonants? */
    function englishBeatsTypo(word) {
      var spelled = transliterated(word, true)
      var fixed = spelled && spelled.whole && correct(word, 1)
      return Boolean(fixed) && changesConsonants(fixed, word)
    }

    /* A Hangul run glued to the Latin word before it starts with that word's particle
       (`GC가무엇이고`, `UDP의차이`): without it, when that leaves fewer words the index does not know
       or that had to be guessed (a typo fix, an English reading, a piece from inside a word: 의차|이
       had become 의사, 가안전한 congestion). */
    function afterLatin(run, found) {
      var unknown = function (words) {
        return words.filter(function (w) { return !w.known || w.corrected || w.infix || w.spelled }).length
      }
      for (var e = 0; e < ENDINGS.length; e++) {
        var ending = ENDINGS[e]
        if (run.length - ending.length < 2 || run.lastIndexOf(ending, 0) !== 0) continue
        var rest = analyseHangul(run.slice(ending.length))
        if (rest.length && unknown(rest) < unknown(found)) return rest
      }
      return found
    }

    /* One Hangul run -> its words, each {text, known}. */
    function analyseHangul(run, depth) {
      depth = depth || 0
      if (ENDING_SET.has(run)) return []
      if (QUESTION_WORDS.has(run)) return [{ text: run, known: true }] /* `있나요`, not 있나 + 요 */
      var candidates = stems(run)
      for (var i = 0; i < candidates.length; i++)
        if (isWord(candidates[i])) return [{ text: candidates[i], known: true }]
      /* a synonym's own spelling, with or without a particle (`타임웨이트가`), is that synonym */
      for (var y = 0; y < candidates.length; y++)
        if (spellings.has(candidates[y])) return [{ text: candidates[y], known: false }]
      /* A question word stays whole (`설명해줘` is not `설명해` + `줘`). */
      for (var q = 0; q < candidates.length; q++)
        if (QUESTION_WORDS.has(candidates[q])) return [{ text: candidates[q], known: true }]
      /* A 하다/되다 predicate on a word the index has (`동작해`, `설정하는`) is that word. */
      if (depth < 1) for (var a = 0; a < PREDICATE_ENDINGS.length; a++) {
        var ending = PREDICATE_ENDINGS[a]
        var base = run.slice(0, -ending.length)
        if (run.length > ending.length && run.slice(-ending.length) === ending && base.length >= 2) {
          var inner = analyseHangul(base, 1)
          if (inner.length && inner.every(function (w) { return w.known && !w.infix })) return inner
        }
      }
      /* A typo in the particle (`계층애`, `멀티플렉싱의란`): a word of the index + a syllable one
         jamo from an ending. */
      if (depth < 1 && run.length >= 3 && !isPrefix(run))
        for (var t = 1; t <= 2 && t < run.length - 1; t++) {
          var head = run.slice(0, -t)
          var tail = jamo(run.slice(-t))
          if (isWord(head) && ENDINGS.some(function (e) { return e.length === t && edits(tail, jamo(e), 2) <= 1 }))
            return [{ text: head, known: true }]
        }
      for (var j = 0; j < candidates.length; j++) {
        var parts = segment(candidates[j])
        if (!parts) continue
        /* A split with a one-syllable word (`세|선을`, `구조|채`) loses to a one-jamo typo of the
           word (세션, 구조체), or of one part of it (`세선|클러스터링`); a one-syllable question word
           is a word, not a piece of a typo (`왜|무상태` is not 아무 상태, `잘|하면` not 말하면). */
        if (depth < 1 && parts.some(function (part) {
          return part.text.length === 1 && !QUESTION_WORDS.has(part.text)
        })) {
          /* ...unless an English term agrees with the word in every consonant and vowel where the
             typo changes a consonant (`코스` is CORS, not 코드): the word is left for the English
             reading, as a word of no one-syllable parts is (`리셋`) */
          if (englishBeatsTypo(run)) return [{ text: run, known: false }]
          for (var f = 0; f < candidates.length; f++) {
            var near = candidates[f].length >= 2 && correct(candidates[f], 1)
            if (near) return [{ text: near, known: true, corrected: true }]
          }
          var fixedParts = resolve(segment(run, 1), false)
          if (fixedParts) return fixedParts
        }
        return parts
      }
      for (var k = 0; k < candidates.length; k++)
        if (candidates[k].length >= 2 && isPrefix(candidates[k]))
          return [{ text: candidates[k], known: true }]
      for (var p = 0; p < PREDICATE_ENDINGS.length; p++) {
        var pe = PREDICATE_ENDINGS[p]
        var stem = run.slice(0, -pe.length)
        if (run.length > pe.length && run.slice(-pe.length) === pe && stem.length >= 2 && isPrefix(stem))
          return [{ text: stem, known: true }]
      }
      var spelled = spelledLetters(run)
      if (spelled && isPrefix(spelled)) return [{ text: spelled.toUpperCase(), known: true }]
      var acronyms = spelled && segmentLatin(spelled) /* 엔엘비에이엘비 -> NLB ALB */
      if (acronyms) return acronyms.map(function (w) { return { text: w.toUpperCase(), known: true } })
      if (run.length >= 2 && isInfix(run)) return [{ text: run, known: true, infix: true }]
      /* Words the index knows around one it does not (`레디스세션`, `스레드풀사이즈`): the unknown
         part is then corrected or read as an English term on its own, unless the whole word is a
         typo of one word (`핸드세이크`). */
      if (depth < 1 && !correct(run) && !correctStem(run)) {
        /* without one-syllable words first (`다|이나믹`), then with them (`스레드|풀|사이즈`) */
        for (var mode = 1; mode <= 2; mode++) {
          /* an English term only for a part between words of two syllables or more */
          var resolved = resolve(segment(run, mode), mode === 1)
          /* ...unless the whole word is loanwords whose English the site writes as a phrase more
             often than those words side by side (`캐쉬컨트롤`: Cache-Control, not 캐시 + 컨트롤) */
          var english = resolved && resolved.length >= 2 && transliterated(run)
          if (english && english.length >= 2 &&
            phraseCount(english) > phraseCount(resolved.map(function (w) { return w.text })))
            return english.map(function (w) { return { text: w, known: true } })
          /* ...but a split with words of one syllable and a guessed part loses to the word's own start
             when the index has words that begin so: a verb with another ending than the site's
             (`길어짐`: 길어지면, not 길 + 없지) */
          var stemOf = run.slice(0, -1)
          if (resolved && mode === 2 && stemOf.length >= 2 && isPrefix(stemOf) &&
            resolved.some(function (w) { return w.corrected || w.spelled }))
            return [{ text: stemOf, known: true }]
          if (resolved) return resolved
        }
        /* Nothing reads the unknown part: unless the whole word is a known spelling or an English
           term, the known words stay required and it stays optional (`다이나믹|쿼리`). */
        var kept = !synonymFor(run) && !transliterated(run, true) && (segment(run, 1) || segment(run, 2))
        if (kept)
          return kept.map(function (w) { return w.known ? w : { text: w.text, known: false, inside: true } })
      }
      return [{ text: run, known: false }]
    }

    /* Of the candidates each(visit) offers as visit(spelling, count, answer), the answer of the one
       closest to word (as edits() counts) within limit, the most used on a tie; null if none. */
    function closest(word, limit, each) {
      var best = null
      var bestDistance = limit + 1
      var bestCount = 0
      each(function (spelling, count, answer) {
        if (tallyGap(word, spelling) > 4 * limit) return /* cannot be within limit: skip the table */
        var distance = edits(word, spelling, limit + 1)
        if (distance > limit) return
        if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
          best = answer
          bestDistance = distance
          bestCount = count
        }
      })
      return best
    }

    /* A word typed in capitals that the site never writes (`CROS`) is a typo of an acronym it
       does write (CORS), not the start of a longer word (cross): one edit, the most used, letters
       swapped or changed before one left out or added (`OIS` is OSI, not OS). */
    function misspeltAcronym(run) {
      var lower = run.toLowerCase()
      if (!/^[A-Z]{3,6}$/.test(run) || vocab.has(lower)) return null
      var near = function (sameLength) {
        return closest(lower, 1, function (visit) {
          capitals.forEach(function (count, acronym) {
            var gap = Math.abs(acronym.length - lower.length)
            if (sameLength ? gap === 0 : gap === 1) visit(acronym, count, acronym)
          })
        })
      }
      return near(true) || near(false)
    }

    /* A Latin word of six letters or more that nothing else reads, one or two edits from two or
       three words the site writes side by side (WebFlux, ThreadLocal: split at their capitals in
       the index) -> those words. */
    var joinedRuns = null
    function misspeltRun(token) {
      var lower = token.toLowerCase()
      if (!/^[a-z]{6,}$/.test(lower) || isPrefix(lower) || segmentLatin(lower) || misspeltAcronym(token)) return null
      if (token.split(split).every(function (part) { return isPrefix(part) })) return null
      if (joinedRuns === null) {
        joinedRuns = new Map()
        latinRuns.forEach(function (count, run) {
          if (count >= 2) joinedRuns.set(run.replace(/ /g, ""), { words: run.split(" "), count: count })
        })
      }
      var limit = lower.length >= 8 ? 2 : 1
      return closest(lower, limit, function (visit) {
        joinedRuns.forEach(function (run, joined) {
          if (Math.abs(joined.length - lower.length) <= limit) visit(joined, run.count, run.words)
        })
      })
    }

    /* One Latin/digit run -> its words (split at letter/digit boundaries only if needed). */
    function analyseLatin(run) {
      var acronym = misspeltAcronym(run)
      if (acronym) return [{ text: acronym, known: true, corrected: true }]
      if (isPrefix(run)) return [{ text: run, known: true }]
      /* an annotation typed without its @ (`transactional` for @Transactional) */
      if (/^[a-z]/i.test(run) && isPrefix("@" + run)) return [{ text: "@" + run, known: true }]
      var pieces = run.match(/[a-z]+|[0-9]+/gi) || [run] /* `_` of ERR_CERT_… is no word */
      var words = segmentLatin(run)
      /* `l4l7` is L4 L7, not L 4 L 7; `http2` is http 2 */
      if (words && (words.length < pieces.length || !pieces.every(isPrefix)))
        return words.map(function (word) { return { text: word, known: true, part: run } })
      if (pieces.length > 1 && pieces.every(isPrefix))
        return pieces.map(function (piece) { return { text: piece, known: true } })
      var fixed = segmentLatin(run, true)
      if (fixed) return fixed.map(function (w) { return { text: w, known: true, corrected: true, part: run } })
      return [{ text: run, known: false }]
    }

    /* A compound typed in lower case where the index has it split at its capitals or written
       apart (`webflux` -> web flux for WebFlux, `threadlocal`, `tcpudp`, `l4l7`): the fewest words
       the index has, of three characters or more, or two if the site writes them in capitals or
       with a digit (GC, L4, k6); the last one possibly still being typed. With fix, a compound
       with a typo in one of its words that is no typo of one word (`garbagecolection`,
       `springintercepter`): words of three letters or more, exactly one of them (of five or more)
       one edit from a word the index has. */
    function segmentLatin(run, fix) {
      var word = run.toLowerCase()
      if (fix ? !/^[a-z]{8,}$/.test(word) || correct(word) : !/^[a-z0-9]{4,}$/.test(word) || !/[a-z]/.test(word))
        return null
      var n = word.length
      /* best[i][u]: the fewest words for word[0:i], u = 1 once one of them is corrected */
      var best = []
      for (var b = 0; b <= n; b++) best.push([null, null])
      best[0][0] = []
      function keep(end, u, parts) {
        if (best[end][u] === null || parts.length < best[end][u].length) best[end][u] = parts
      }
      for (var end = 2; end <= n; end++)
        for (var start = 0; start + 2 <= end; start++) {
          var piece = word.slice(start, end)
          var short = piece.length === 2
          if (short && (fix || (!capitals.has(piece) && !/[0-9]/.test(piece)))) continue
          var exact = vocab.has(piece) || (end === n && !short && isPrefix(piece))
          var near = null
          for (var u = 0; u < 2; u++) {
            var from = best[start][u]
            if (from === null) continue
            if (exact) keep(end, u, from.concat([piece]))
            else if (fix && !u && piece.length >= 5) {
              if (near === null) near = correct(piece, 1) || ""
              if (near) keep(end, 1, from.concat([near]))
            }
          }
        }
      var found = best[n][fix ? 1 : 0]
      return found && found.length >= 2 ? found : null
    }

    /* Spelling correction: the index word (or synonym spelling) closest to an unknown word,
       by edits of Hangul jamo (쉐/셰, 쏘/소, 콜/컬 are one edit) or Latin letters. */
    var byLength = new Map()
    function addCandidate(word) {
      var key = (isHangul(word) ? "h" : "l") + word.length
      if (!byLength.has(key)) byLength.set(key, new Set())
      byLength.get(key).add(word)
    }
    vocab.forEach(function (word) { if (word.length >= 2 && /^[\uac00-\ud7a3]+$|^[a-z]+$/.test(word)) addCandidate(word) })
    /* An annotation or an identifier is a candidate without its @ and _ (`transacional` ->
       @Transactional, `closewiat` -> CLOSE_WAIT). */
    var annotations = new Map()
    vocab.forEach(function (word) {
      var compact = word.replace(/^@|_/g, "")
      if (compact !== word && /^[a-z]{3,}$/.test(compact) && !vocab.has(compact)) {
        annotations.set(compact, word)
        addCandidate(compact)
      }
    })
    synonymGroups.forEach(function (group) {
      group.forEach(function (term) { if (!/\s/.test(term)) addCandidate(term.toLowerCase()) })
    })
    /* The same words come back on every keystroke: each correction is worked out once. */
    var corrections = new Map()
    function correct(word, most) {
      var asked = word + "\n" + (most || "")
      if (!corrections.has(asked)) corrections.set(asked, correctOnce(word, most))
      return corrections.get(asked)
    }
    function correctOnce(word, most) {
      var lower = word.toLowerCase().replace(/^@(?=[a-z])/, "")
      var hangul = isHangul(lower)
      if (lower.length < (hangul ? 2 : 4)) return null
      var limit = hangul ? (lower.length >= 4 ? 2 : 1) : (lower.length >= 8 ? 2 : 1)
      if (most) limit = Math.min(limit, most)
      var spelling = hangul ? jamo(lower) : lower
      var mask = presence(spelling)
      return closest(spelling, limit, function (visit) {
        for (var d = -1; d <= 1; d++) {
          var bucket = spellingsOfLength((hangul ? "h" : "l") + (lower.length + d))
          for (var c = 0; c < bucket.length; c++) {
            var one = bucket[c]
            /* a quicker, weaker bound than closest()'s own: symbols only one of them has */
            if (bits(one[3] ^ mask[0]) + bits(one[4] ^ mask[1]) > 4 * limit) continue
            visit(one[0], one[1], one[2])
          }
        }
      })
    }
    /* The candidates of one length as [spelling to compare, count, answer], made once. */
    var prepared = new Map()
    function spellingsOfLength(key) {
      if (!prepared.has(key)) {
        var out = []
        ;(byLength.get(key) || []).forEach(function (candidate) {
          var answer = annotations.get(candidate) || candidate
          var spelling = key[0] === "h" ? jamo(candidate) : candidate
          var mask = presence(spelling)
          out.push([spelling, counts.get(answer) || 1, answer, mask[0], mask[1]])
        })
        prepared.set(key, out)
      }
      return prepared.get(key)
    }

    /* A typo with a particle on it (`세선이란`, `해더에`): the stem corrected, longest first. */
    function correctStem(word, most) {
      if (!isHangul(word)) return null
      var bare = stems(word).slice(1)
      for (var i = 0; i < bare.length; i++) {
        var fixed = bare[i].length >= 2 && correct(bare[i], most)
        if (fixed) return fixed
      }
      return null
    }

    /* Hangul spellings of one word in the synonym groups (타임웨이트, 헬스체크). */
    var spellings = new Set()
    synonymGroups.forEach(function (group) {
      group.forEach(function (term) { if (isHangul(term) && !/\s/.test(term)) spellings.add(term.toLowerCase()) })
    })

    /* The spelling of a synonym group the index uses most, for a word it does not know. */
    function synonymFor(word) {
      var lower = word.toLowerCase()
      var best = null
      var bestCount = 0
      synonymGroups.forEach(function (group) {
        var spellings = group.map(function (term) { return term.toLowerCase() })
        if (spellings.indexOf(lower) < 0 && spellings.indexOf(lower.replace(/\s+/g, "")) < 0) return
        group.forEach(function (term) {
          /* Split as the index splits (`Socket.IO` is the words socket, io). */
          var words = term.split(split).filter(Boolean)
          if (!words.length || !words.every(isWord)) return
          /* a spelling of several words counts as a phrase (`상태 확인`: two common words, a rare phrase) */
          var count = words.length > 1 ? phraseCount(words) : counts.get(words[0].toLowerCase()) || 1
          if (count > bestCount) { best = words; bestCount = count }
        })
      })
      return best
    }

    function dominates(words, word) {
      if (words.length === 1 && words[0].toLowerCase() === word.toLowerCase()) return false
      var theirs = Math.min.apply(null, words.map(function (w) { return counts.get(w.toLowerCase()) || 0 }))
      return theirs >= 5 * Math.max(1, counts.get(word.toLowerCase()) || 0)
    }

    /* A spelling of several words (`더티 체킹`) the index does not use, or writes far less often as a
       phrase (`persistence context` 1, `영속성 컨텍스트` 46) -> the group's spelling. */
    /* Where a phrase of the synonym list stands in the text as whole words, [start, end], or null: a
       Latin term is not the start of a longer word, and takes its plural with it (`load balancers`). */
    function findPhrase(text, term) {
      var lower = text.toLowerCase()
      var wanted = term.toLowerCase()
      for (var at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
        var end = at + wanted.length
        if (/^[a-z0-9]/.test(wanted) && at > 0 && /[a-z0-9]/.test(lower[at - 1])) continue
        if (/[a-z0-9]$/.test(wanted)) {
          var plural = /^(?:e?s)?(?![a-z0-9])/.exec(lower.slice(end))
          if (!plural) continue
          end += plural[0].length
        }
        return [at, end]
      }
      return null
    }

    /* An English plural, -ing or -ed form the index does not have, of a word it has (`timeouts`,
       `proxies`, `flooding`, `configured`, `embedded`): that word, which as a prefix finds both.
       (`flooding` had been corrected to loading.) */
    function singular(word) {
      if (!/^[A-Za-z]{4,}$/.test(word) || vocab.has(word.toLowerCase())) return null
      var forms = /ies$/i.test(word) ? [word.slice(0, -3) + "y"] : []
      if (/es$/i.test(word)) forms.push(word.slice(0, -2))
      if (/s$/i.test(word)) forms.push(word.slice(0, -1))
      var inflected = /^(.{3,}?)(ing|ed)$/i.exec(word)
      if (inflected) {
        forms.push(inflected[1], inflected[1] + "e")
        if (/(.)\1$/.test(inflected[1])) forms.push(inflected[1].slice(0, -1))
      }
      for (var i = 0; i < forms.length; i++) if (vocab.has(forms[i].toLowerCase())) return forms[i]
      return null
    }

    function replacePhrases(text) {
      synonymGroups.forEach(function (group) {
        group.forEach(function (term) {
          if (!/\s/.test(term)) return
          var found = findPhrase(text, term)
          if (!found) return
          var words = term.split(/\s+/)
          var best = synonymFor(term)
          if (!best || best.join(" ").toLowerCase() === term.toLowerCase()) return
          if (words.every(isWord) && phraseCount(best) < 5 * Math.max(1, phraseCount(words))) return
          text = text.slice(0, found[0]) + " " + best.join(" ") + " " + text.slice(found[1])
        })
      })
      return text
    }

    /* Two Latin words an identifier joins (`time wait` -> `time_wait`, `keep alive` -> `keep-alive`
       is already split by the index): use the identifier when the index has it, and uses it about
       as often as the words alone (not tcp_udp). */
    function joinIdentifiers(words) {
      for (var u = 0; u + 1 < words.length; u++) {
        var a = words[u].text
        var b = words[u + 1].text
        var joined = (a + "_" + b).toLowerCase()
        var alone = Math.min(counts.get(a.toLowerCase()) || 0, counts.get(b.toLowerCase()) || 0)
        var typedAsOne = words[u].part && words[u].part === words[u + 1].part /* `closewait` */
        if (/^[a-z0-9]+$/i.test(a) && /^[a-z0-9]+$/i.test(b) && vocab.has(joined) &&
            (typedAsOne || (counts.get(joined) || 0) * 5 >= alone))
          words.splice(u, 2, { text: a + "_" + b, known: true })
      }
    }

    /* Does this unspaced Hangul word read as one term: a synonym's spelling, letters of an
       acronym, or a typo of a long word? */
    function readsAsOne(word) {
      var letters = spelledLetters(word)
      return spellings.has(word) || !!(letters && (isPrefix(letters) || segmentLatin(letters))) ||
        (word.length >= 4 && !!correct(word, 1))
    }

    /* The reader's query -> words with their roles. */
    function analyse(raw) {
      var text = replacePhrases(String(raw).slice(0, MAX_LENGTH).replace(LUNR_SPECIAL, " "))
      var tokens = []
      /* `.` splits as Material's separator splits it: not inside a number (`0.9`, `1.1`) */
      var typed = text.split(/[\s,;!?()[\]{}<>/\\|=&]+|\.(?!\d)/)
      /* the other keyboard mode; once one word shows it, a one-syllable word too (`zjsprtus vnf`) */
      var swapped = typed.map(function (token) { return otherLayout(token, false) })
      if (swapped.some(function (token, i) { return token !== typed[i] }))
        swapped = swapped.map(function (token) { return otherLayout(token, true) })
      typed = swapped
      /* Two spaced Hangul words, one of them no word of the index, that read as one (`제이 피에이`,
         `타임 웨이트`, `하이 버내이트`): one word. */
      for (var t = 0; t + 1 < typed.length; t++) {
        var x = typed[t]
        var y = typed[t + 1]
        if (!/^[\uac00-\ud7a3]+$/.test(x + y) || (isWord(x) && isWord(y))) continue
        if (readsAsOne(x + y)) typed.splice(t, 2, x + y)
      }
      typed.forEach(function (token) {
        token = singular(token) || token
        /* a misspelt compound the site writes in words or camel case (`webfllux`, `HttpOny`),
           before the separator splits it at its capitals */
        var run = misspeltRun(token)
        if (run) return tokens.push({ run: run, token: token })
        var parts = token.split(split).filter(Boolean)
        /* the parts of a camel-case word are one identifier (`ThreadLocal`: thread is not 스레드) */
        if (parts.length > 1 && /^[A-Za-z]+$/.test(token))
          parts.forEach(function (part) { tokens.push({ camel: part, token: token }) })
        else tokens.push.apply(tokens, parts)
      })
      tokens = tokens.filter(Boolean).slice(0, MAX_WORDS)
      var words = []
      tokens.forEach(function (token) {
        if (token.run) {
          token.run.forEach(function (w) { words.push({ text: w, known: true, part: token.token }) })
          return
        }
        if (token.camel) {
          analyseLatin(token.camel).forEach(function (w) {
            words.push(Object.assign({ part: token.token }, w))
          })
          return
        }
        if (isHangul(token) && /[a-z0-9]/i.test(token) && isWord(token)) {
          words.push({ text: token, known: true })
          return
        }
        var runs = token.match(SCRIPT_RUN) || []
        runs.forEach(function (run, r) {
          if (!/[\p{L}\p{N}]/u.test(run)) return /* emoji, symbols */
          var found = isHangul(run) ? analyseHangul(run) : analyseLatin(run)
          if (r > 0 && isHangul(run) && !isWord(run)) found = afterLatin(run, found)
          words.push.apply(words, found)
        })
      })
      joinIdentifiers(words)
      /* Join two spaced words when the joined form is a word of the index and either a part is no
         word of its own (`멀티 플렉싱`) or the site writes it joined more often than spaced
         (`타임 아웃`; not `커넥션 풀`). */
      for (var i = 0; i + 1 < words.length; i++) {
        var a = words[i].text
        var b = words[i + 1].text
        var joined = a + b
        if (isHangul(joined) ? !isWord(joined)
          : a.length < 2 || b.length < 2 || !/^[a-z]+$/i.test(joined) || !vocab.has(joined.toLowerCase())) continue
        var bothWords = words[i].known && words[i + 1].known && isWord(a) && isWord(b)
        /* (joined at least twice: `finack` once in a diagram is not `fin ack`) */
        var together = counts.get(joined.toLowerCase()) || 0
        if (!bothWords || (together > phraseCount([a, b]) && together >= 2))
          words.splice(i, 2, { text: joined, known: true })
      }
      var result = []
      words.forEach(function (word) {
        /* a question word the index lacks is no typo of one it has (`these` is not theme) */
        if (!word.known && !synonymFor(word.text) && !QUESTION_WORDS.has(word.text.toLowerCase())) {
          /* A typo of a word the index has first, then a Korean spelling of an English term. A
             typo of two edits that changes the consonants loses to the English term (`스패이스` is
             space, not 스파이크); one that keeps them does not (`핸드셰크이`, `로드발란서`). */
          var spelled = isHangul(word.text) ? transliterated(word.text, !word.inside) : null
          var fixed = correct(word.text, 1.5) || correctStem(word.text, 1.5)
          /* ...but an English term that agrees in every consonant and vowel beats a one-edit typo
             that changes a consonant (`리셋` is reset, not 키셋) */
          if (fixed && spelled && spelled.whole && changesConsonants(fixed, word.text)) fixed = null
          if (!fixed) {
            fixed = correct(word.text) || correctStem(word.text)
            if (fixed && spelled && changesConsonants(fixed, word.text)) fixed = null
          }
          if (fixed) word = { text: fixed, known: true, corrected: true }
          else if (spelled) {
            spelled.forEach(function (w) { result.push({ text: w, known: true }) })
            return
          }
        }
        var synonym = synonymFor(word.text)
        /* The site's own spelling replaces one it does not use, or one it uses far less. */
        /* An identifier the index has (`CLOSE_WAIT`) is exact: no phrase (`close wait`) replaces it. */
        /* ...nor a part of a compound the index splits (`thread` of ThreadLocal is not 스레드). */
        var identifier = word.known && (/_/.test(word.text) || word.part)
        if (synonym && (!word.known || word.corrected || (!identifier && dominates(synonym, word.text)))) {
          synonym.forEach(function (w) { result.push({ text: w, known: true }) })
          return
        }
        result.push(word)
      })
      joinIdentifiers(result) /* a synonym may have given `time wait` */
      result.forEach(function (word) {
        var lower = word.text.toLowerCase()
        /* ...also a question word the index writes with a 하다 ending (`설명해`) */
        /* ...and a 하다/되다 form typed apart from its noun (`어떻게 해요`, `기여 하려면`): the verb, not
           a topic; never a part of an identifier (`Of` of OutOfMemoryError) */
        word.question = !word.part && (QUESTION_WORDS.has(lower) || PREDICATE_ALONE.has(lower) ||
          (isHangul(lower) && stems(lower).some(function (stem) {
            return QUESTION_WORDS.has(stem) || PREDICATE_ENDINGS.some(function (ending) {
              return stem.length > ending.length && stem.slice(-ending.length) === ending &&
                QUESTION_WORDS.has(stem.slice(0, -ending.length))
            })
          })))
      })
      /* Topic words side by side as typed, repeats kept: `일반헤더 엔티티헤더` has 엔티티 next to 헤더. */
      var sequence = result.filter(function (word) { return word.known && !word.question })
        .map(function (word) { return word.text.toLowerCase() })
      /* Drop repeats, keeping the first. */
      var seen = new Set()
      var unique = result.filter(function (word) {
        var key = word.text.toLowerCase()
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
      unique.sequence = sequence
      return unique
    }

    /* A finished word that is an index token matches exactly (`http` is not `https`); the last
       word may still be being typed, so it stays a prefix. */
    function term(word, required, last) {
      if (!word.known) return word.text
      if (word.infix) return "*" + word.text + "*" /* a guess from the middle of a word: never required */
      /* a number is exact even last: `3` is not 301 */
      var exact = (!last || /^[0-9]+$/.test(word.text)) && vocab.has(word.text.toLowerCase())
      if (required) return "+" + word.text + (exact ? "" : "*")
      return exact ? word.text + "^1" : word.text
    }

    /* The reader's query -> {strict, loose}: lunr queries in the syntax Material accepts. */
    function rewrite(raw) {
      var words = analyse(raw)
      var topics = words.filter(function (w) { return w.known && !w.question })
      if (!words.length) return { strict: "", loose: "", words: words }
      var lastIndex = words.length - 1
      if (!topics.length) {
        var plain = words.map(function (w, i) { return term(w, false, i === lastIndex) }).join(" ")
        return { strict: plain, loose: plain, words: words }
      }
      var strict = words.map(function (w, i) {
        var t = term(w, w.known && !w.question, i === lastIndex)
        /* A question word counts in the body only: `구조` in a title must not outrank the topic. */
        return w.known && w.question ? "text:" + t : t
      }).join(" ")
      var loose = words
        .map(function (w, i) { return w.question ? "" : term(w, false, i === lastIndex) })
        .filter(Boolean)
        .join(" ")
      return { strict: strict, loose: loose, words: words, pairs: pairs(words.sequence) }
    }

    /* Neighbouring topic words as the reader typed them, each pair once. */
    function pairs(sequence) {
      var out = []
      for (var i = 0; i + 1 < sequence.length; i++) {
        var pair = sequence[i] + " " + sequence[i + 1]
        if (sequence[i] !== sequence[i + 1] && out.indexOf(pair) < 0) out.push(pair)
      }
      return out
    }

    return { rewrite: rewrite, analyse: analyse, isWord: isWord, isPrefix: isPrefix }
  }

  /*
   * Index side: the same word boundaries in the docs, marked with U+200B (which the search
   * separator splits on and a result snippet shows as nothing) before Material builds its index:
   *   - Latin/digit word + Hangul ending (`HTTP와` -> `HTTP|와`);
   *   - noun + particle (`헤더는` -> `헤더|는`) when the corpus uses the stem as a word of its own
   *     (alone, or with two or more different endings), and likewise noun + 하다/되다 ending
   *     (`확인한다` -> `확인|한다`), so `확인` finds it;
   *   - an unspaced compound the corpus rarely writes whole, into parts it uses as words
   *     (`스레드풀` -> `스레드|풀`).
   */
  var MARK = "\u200b"
  /* 하다/되다 endings as the pages write them, longest first */
  var DOC_PREDICATES = PREDICATE_ENDINGS.concat(["하며", "하여", "하기", "하도록", "하므로", "하지만", "했고",
    "했던", "하던", "하는지", "되어", "되었다", "됐다", "되기", "되며", "되도록", "되므로", "되지만", "해도"])
    .sort(function (x, y) { return y.length - x.length })
  var DOC_TOKEN = /[\uac00-\ud7a3A-Za-z0-9+#]+/g
  var MIXED = /^([A-Za-z0-9+#]+)([\uac00-\ud7a3]+)$/

  function markDocs(docs) {
    var counts = new Map()
    docs.forEach(function (doc) {
      var text = ((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>|&[a-z]+;|&#\d+;/gi, " ")
      var found = text.match(DOC_TOKEN) || []
      for (var i = 0; i < found.length; i++) {
        var lower = found[i].toLowerCase()
        counts.set(lower, (counts.get(lower) || 0) + 1)
      }
    })
    var seenEndings = new Map()
    counts.forEach(function (_, token) {
      for (var i = 0; i < ENDINGS.length; i++) {
        var ending = ENDINGS[i]
        if (token.length > ending.length && token.slice(-ending.length) === ending) {
          var stem = token.slice(0, -ending.length)
          if (!seenEndings.has(stem)) seenEndings.set(stem, new Set())
          seenEndings.get(stem).add(ending)
        }
      }
    })
    function isWord(word) {
      word = word.toLowerCase()
      if (word.length === 1) return counts.has(word) && !ENDING_SET.has(word)
      return counts.has(word) || (seenEndings.has(word) && seenEndings.get(word).size >= 2)
    }
    function segmentDoc(word) {
      var n = word.length
      var best = new Array(n + 1).fill(null)
      best[0] = []
      for (var end = 2; end <= n; end++)
        for (var start = Math.max(0, end - 10); start < end; start++) {
          var piece = word.slice(start, end)
          /* One syllable only as the last part, and only a word used alone (스레드|풀). */
          if (piece.length === 1 && (end < n || ENDING_SET.has(piece) || (counts.get(piece) || 0) < 3)) continue
          if (best[start] === null || !isWord(piece)) continue
          if (best[end] === null || best[start].length + 1 < best[end].length)
            best[end] = best[start].concat([piece])
        }
      return best[n] && best[n].length >= 2 ? best[n] : null
    }
    /* The longest ending of the list that token carries on a stem of two syllables or more that
       is a word of the corpus (or, with compounds, splits into its words); "" if none. */
    function endingOf(token, list, compounds) {
      for (var i = 0; i < list.length; i++) {
        var e = list[i]
        var rest = token.slice(0, -e.length)
        if (token.length > e.length && token.slice(-e.length) === e && rest.length >= 2 &&
            (isWord(rest) || (compounds && rest.length >= 3 && segmentDoc(rest)))) return e
      }
      return ""
    }
    /* A copula (무상태인, 요청일) only where the pages write that form once or twice and the word
       itself more often: 로그인 and 플러그인 are words. */
    function copulaOf(token) {
      var e = endingOf(token, COPULAS, false)
      var seen = counts.get(token.toLowerCase()) || 0
      return e && seen <= 2 && (counts.get(token.slice(0, -e.length).toLowerCase()) || 0) > 2 * seen ? e : ""
    }
    var cache = new Map()
    function split(token) {
      if (cache.has(token)) return cache.get(token)
      var parts = [token]
      var mixed = MIXED.exec(token)
      if (mixed) {
        if (ENDING_SET.has(mixed[2])) parts = [mixed[1], mixed[2]]
        else if (mixed[2].length >= 2) parts = [mixed[1]].concat(split(mixed[2]))
      } else if (HANGUL.test(token[0])) {
        /* a particle on a word (or compound) the corpus uses, else a 하다/되다 predicate on a word
           it uses (`확인한다` -> 확인|한다) */
        var ending = endingOf(token, ENDINGS, true) || endingOf(token, DOC_PREDICATES, false) || copulaOf(token)
        var stem = ending ? token.slice(0, -ending.length) : token
        if (ending) {
          parts = split(stem).concat([ending]) /* 헤더에만 -> 헤더|에|만 */
        } else {
          parts = [stem]
          if (stem.length >= 3 && (counts.get(stem.toLowerCase()) || 0) <= 2)
            parts = segmentDoc(stem) || [stem]
        }
      }
      cache.set(token, parts)
      return parts
    }
    function mark(html) {
      return html.split(/(<[^>]*>)/).map(function (piece) {
        if (piece.charAt(0) === "<") return piece
        return piece.replace(DOC_TOKEN, function (token) {
          return HANGUL.test(token) ? split(token).join(MARK) : token
        })
      }).join("")
    }
    docs.forEach(function (doc) {
      if (doc.title) doc.title = mark(doc.title)
      if (doc.text) doc.text = mark(doc.text)
    })
    return docs
  }

  /* Index tokens the way Material's lunr sees them: markup dropped, split on the separator. */
  function vocabulary(docs, separator) {
    var split = new RegExp(separator, "u")
    var tokens = []
    docs.forEach(function (doc) {
      var text = [doc.title || "", doc.text || ""].join(" ")
        .replace(/<[^>]+>/g, " ")
        .replace(/&[a-z]+;|&#\d+;/gi, " ")
      /* As Material's lunr does: split on the separator, no trimming (`@transactional`, `헤더?`). */
      text.split(split).forEach(function (token) {
        if (token) tokens.push(token)
      })
    })
    return tokens
  }

  var api = { lowerBound: lowerBound, hangulKey: hangulKey, englishKeys: englishKeys, create: create, vocabulary: vocabulary, markDocs: markDocs, ENDINGS: ENDINGS, DOC_PREDICATES: DOC_PREDICATES, COPULAS: COPULAS, QUESTION_WORDS: QUESTION_WORDS }
  if (typeof module !== "undefined" && module.exports) module.exports = api
  else root.KoreanQuery = api
})(typeof self !== "undefined" ? self : this)
