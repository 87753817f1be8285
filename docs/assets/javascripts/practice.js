/*
 * 연습 모드: 면접 질문에 알아요 / 헷갈려요 / 모르겠어요 표시를 남기고, 라이트너 상자로 복습 날짜를 정하고,
 * 질문 모음 페이지에서 무작위 연습과 모의 면접을 한다.
 *
 * - 모든 페이지: 질문 블록(details.question)마다 id를 찾고(hooks/question_bank.py가 includes/question-ids.yml의
 *   id로 넣은 span.question-anchor), 독자의 표시와 복습할 때가 된 것을 글자 배지로 보여 준다. 주제 페이지는
 *   아무것도 내려받지 않는다. id를 계산하지 않는다: 앵커가 없는 빌드(Zensical)에서만 질문 은행을 받아 이 페이지의
 *   같은 질문 문장에서 id를 찾는다.
 * - 질문 모음 페이지(#practice-drill이 있는 페이지): 오늘 복습할 질문(밀린 것부터), 무작위 질문, 답 보기,
 *   표시 버튼, 섹션별 진행 막대, "다시 볼 질문만"·"오늘 복습할 질문만" 필터, 모의 면접(본 질문 → 꼬리 질문을
 *   순서대로), 기록 내보내기·가져오기, 기록 초기화, 인쇄 선택, 페이지별로 펼치는 질문 목록. 진행 막대와 목록은
 *   훅이 빌드 때 넣은 목록(<noscript>, 아래 "목록")을 읽는다. 질문 은행(data-bank="bank.json", 모범 답안 포함)은
 *   독자가 처음 "무작위 질문"이나 "모의 면접 시작"을 누를 때 한 번만 받는다. file://(오프라인 사본)에서는 fetch가
 *   막히므로 같은 자료를 담은 bank.js를 <script>로 불러온다. 훅이 돌지 않은 빌드(Zensical)에는 목록이 없으므로
 *   페이지를 열 때 은행을 받아 훅과 같은 목록을 그린다.
 * - 저장: localStorage 키 STORAGE_KEY에 {"v": 2, "q": {"q-xxxxxxxx": {m: 표시, b: 상자 1~6, d: 다음 복습
 *   "YYYY-MM-DD", t: 채점한 시각(ms)}}}. 예전 키(V1_KEY, {id: 표시})는 처음 읽을 때 옮긴다. 깨진 JSON이나
 *   다른 형식은 무시하고 연습 페이지에 안내를 보이며(읽지 못한 자료는 STORAGE_KEY + ":unreadable"에 보관),
 *   잘못된 항목 하나는 버린다. 저장소를 쓸 수 없으면(사생활 보호 모드) 이번 방문 동안만 메모리에 둔다.
 * - 복습 규칙(nextBox): 알아요 → 한 상자 위(처음이면 2), 헷갈려요 → 한 상자 아래(최소 1), 모르겠어요 → 상자 1.
 *   다음 복습은 오늘 + INTERVALS[상자 - 1]일(1, 2, 4, 8, 16, 32). 시계는 Date.now()만 읽는다(테스트가 바꾼다).
 *
 * 의존성 없음. Material의 document$를 구독해 즉시 이동(instant navigation) 뒤에도 다시 붙는다.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "interview-notes:practice:v2";
  var V1_KEY = "interview-notes:practice:v1"; // 예전 형식 {id: 표시}: 처음 읽을 때 v2로 옮긴다.
  var EXPORT_FORMAT = "interview-notes-practice";
  var MARKS = ["know", "unsure", "unknown"];
  var LABELS = { know: "알아요", unsure: "헷갈려요", unknown: "모르겠어요" };
  var REVIEW = { unsure: true, unknown: true };
  var INTERVALS = [1, 2, 4, 8, 16, 32]; // 라이트너 상자 1~6의 복습 간격(일)
  var ID_PATTERN = /^q-[0-9a-f]{8}$/;
  var DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
  var NOTICE =
    "저장된 연습 기록을 읽을 수 없어(깨졌거나 다른 형식) 무시했습니다. 새로 표시하면 새 기록으로 저장됩니다.";

  var scriptSrc = document.currentScript && document.currentScript.src;
  // practice.js는 <사이트 루트>/assets/javascripts/에 있다.
  var siteRoot = scriptSrc ? new URL("../../", scriptSrc) : new URL("/", window.location.href);
  var memoryState = null; // localStorage를 쓸 수 없을 때의 대체 저장소
  var storageNotice = ""; // 저장된 기록을 무시했을 때 보이는 안내
  var unreadable = null; // 읽지 못한 원래 자료(덮어쓰기 전에 따로 보관한다)
  var drill = null; // 질문 모음 페이지에 있을 때의 연습 상태

  function normalize(text) {
    return String(text).replace(/\s+/g, " ").trim();
  }

  /* ---- 날짜(테스트는 Date.now를 바꿔 시계를 움직인다) ------------------------------------ */

  function dayString(date) {
    function pad(n) {
      return (n < 10 ? "0" : "") + n;
    }
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  /** 오늘(독자의 시간대)에서 n일 뒤의 날짜 "YYYY-MM-DD". */
  function addDays(n) {
    var date = new Date(Date.now());
    return dayString(new Date(date.getFullYear(), date.getMonth(), date.getDate() + n));
  }

  function dueLabel(due) {
    var today = addDays(0);
    var parts = due.split("-");
    var text = Number(parts[1]) + "월 " + Number(parts[2]) + "일";
    if (due < today) {
      var days = Math.round((Date.parse(today) - Date.parse(due)) / 86400000);
      return text + " (" + days + "일 지남)";
    }
    return due === today ? text + " (오늘)" : text;
  }

  /* ---- 저장소 ---------------------------------------------------------------------------- */

  function validEntry(entry) {
    return Boolean(
      entry && typeof entry === "object" && !Array.isArray(entry) &&
      typeof entry.m === "string" && LABELS.hasOwnProperty(entry.m) &&
      typeof entry.b === "number" && entry.b >= 1 && entry.b <= INTERVALS.length && entry.b % 1 === 0 &&
      typeof entry.d === "string" && DATE_PATTERN.test(entry.d) &&
      typeof entry.t === "number" && entry.t >= 0
    );
  }

  /** v2 자료 {v: 2, q: {id: {m, b, d, t}}} → {q}; 다른 꼴이면 null. 잘못된 항목 하나는 버린다. */
  function parseState(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.v !== 2) return null;
    if (!data.q || typeof data.q !== "object" || Array.isArray(data.q)) return null;
    var q = {};
    Object.keys(data.q).forEach(function (id) {
      var entry = data.q[id];
      if (ID_PATTERN.test(id) && validEntry(entry)) {
        q[id] = { m: entry.m, b: entry.b, d: entry.d, t: entry.t };
      }
    });
    return { v: 2, q: q };
  }

  /** v1 {"q-…": "know" | "unsure" | "unknown"} → v2. 알아요는 상자 2(이틀 뒤), 나머지는 상자 1(오늘 복습). */
  function migrateV1(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return null;
    var q = {};
    Object.keys(data).forEach(function (id) {
      var mark = data[id];
      if (ID_PATTERN.test(id) && typeof mark === "string" && LABELS.hasOwnProperty(mark)) {
        q[id] = mark === "know" ? { m: mark, b: 2, d: addDays(2), t: 0 } : { m: mark, b: 1, d: addDays(0), t: 0 };
      }
    });
    return { v: 2, q: q };
  }

  function getItem(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  /** JSON 글자 → convert(데이터). JSON이 아니거나 convert가 던지면 null. */
  function parseWith(text, convert) {
    try {
      return convert(JSON.parse(text));
    } catch (error) {
      return null;
    }
  }

  /** 저장된 기록. 깨졌거나 다른 형식이면 빈 기록으로 보고 storageNotice로 알린다(던지지 않는다). */
  function readState() {
    if (memoryState) return memoryState;
    storageNotice = "";
    unreadable = null;
    var raw = getItem(STORAGE_KEY);
    if (raw) {
      var state = parseWith(raw, parseState);
      if (state) return state;
      unreadable = raw;
      storageNotice = NOTICE;
      return { v: 2, q: {} };
    }
    var old = getItem(V1_KEY);
    if (old) {
      var migrated = parseWith(old, migrateV1);
      if (!migrated) {
        storageNotice = NOTICE;
        return { v: 2, q: {} };
      }
      writeState(migrated); // v1 키는 그대로 둔다(되돌릴 수 있게).
      return migrated;
    }
    return { v: 2, q: {} };
  }

  function writeState(state) {
    try {
      if (unreadable) {
        window.localStorage.setItem(STORAGE_KEY + ":unreadable", unreadable); // 읽지 못한 자료를 보관
        unreadable = null;
      }
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ v: 2, q: state.q }));
      memoryState = null;
      storageNotice = "";
    } catch (error) {
      memoryState = state; // 저장할 수 없으면 이번 방문 동안만 기억한다.
    }
  }

  /** {id: 마지막 표시} (배지·진행 막대·필터용). */
  function readMarks() {
    var q = readState().q;
    var marks = {};
    Object.keys(q).forEach(function (id) {
      marks[id] = q[id].m;
    });
    return marks;
  }

  /**
   * 라이트너 상자: 상자 1~6의 복습 간격은 1, 2, 4, 8, 16, 32일.
   * 알아요 → 한 상자 위(처음이면 상자 2), 헷갈려요 → 한 상자 아래(최소 1), 모르겠어요 → 상자 1(내일 다시).
   */
  function nextBox(box, mark) {
    var current = box || 1;
    if (mark === "know") return Math.min(current + 1, INTERVALS.length);
    if (mark === "unsure") return Math.max((box || 2) - 1, 1);
    return 1;
  }

  function setMark(id, mark) {
    if (!ID_PATTERN.test(id) || !LABELS.hasOwnProperty(mark)) return;
    var state = readState();
    var entry = state.q[id];
    var box = nextBox(entry && entry.b, mark);
    state.q[id] = { m: mark, b: box, d: addDays(INTERVALS[box - 1]), t: Date.now() };
    writeState(state);
  }

  function clearMarks() {
    memoryState = null;
    storageNotice = "";
    try {
      window.localStorage.removeItem(STORAGE_KEY);
      window.localStorage.removeItem(V1_KEY);
    } catch (error) {
      memoryState = { v: 2, q: {} };
    }
  }

  /** 가져온 기록을 합친다: 질문마다 더 최근에 채점한 쪽(t가 큰 쪽)이 이긴다. 합친 질문 수를 돌려준다. */
  function mergeState(incoming) {
    var state = readState();
    var changed = 0;
    Object.keys(incoming.q).forEach(function (id) {
      var mine = state.q[id];
      if (!mine || incoming.q[id].t > mine.t) {
        state.q[id] = incoming.q[id];
        changed += 1;
      }
    });
    writeState(state);
    return changed;
  }

  function isDue(entry) {
    return Boolean(entry) && entry.d <= addDays(0);
  }

  /* ---- 작은 DOM 도우미 ------------------------------------------------------------------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "className") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /** 표시 배지: 마지막 표시 글자, 복습할 날이 되었으면 "· 복습할 때"(data-due에 날짜). */
  function badge(entry) {
    var mark = typeof entry === "string" ? entry : entry.m;
    var due = typeof entry === "string" ? null : entry.d;
    var node = el("span", { className: "practice-badge practice-badge--" + mark, "data-mark": mark }, [
      el("span", { className: "practice-sr-only", text: "내 표시: " }),
      LABELS[mark],
    ]);
    if (due) {
      node.setAttribute("data-due", due);
      if (isDue(entry)) {
        node.classList.add("practice-badge--due");
        node.appendChild(el("span", { className: "practice-badge__due", text: " · 복습할 때" }));
      } else {
        node.appendChild(el("span", { className: "practice-sr-only", text: ", 다음 복습 " + dueLabel(due) }));
      }
    }
    return node;
  }

  function badgeKey(entry) {
    return entry ? entry.m + "|" + entry.d + "|" + (isDue(entry) ? 1 : 0) : "";
  }

  function setBadge(container, entry) {
    var old = container.querySelectorAll(":scope > .practice-badge");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    if (entry) container.appendChild(badge(entry));
  }

  /** 배지를 뺀, 화면에 보이는 요약(summary) 글자. */
  function summaryText(summary) {
    var copy = summary.cloneNode(true);
    var extra = copy.querySelectorAll(".practice-badge");
    for (var i = 0; i < extra.length; i++) extra[i].parentNode.removeChild(extra[i]);
    return normalize(copy.textContent);
  }

  /* ---- 모든 페이지: 질문 블록의 id와 배지 ----------------------------------------------- */

  /** 훅이 질문 바로 앞에 둔 앵커: <p><span class="question-anchor" id="q-…"></span></p>. */
  function anchorBefore(details) {
    var previous = details.previousElementSibling;
    if (!previous) return null;
    if (previous.classList.contains("question-anchor")) return previous;
    var last = previous.tagName === "P" ? previous.lastElementChild : null;
    return last && last.classList.contains("question-anchor") ? last : null;
  }

  /** 주소에서 #·?와 끝의 index.html을 뗀 것: 은행의 페이지 URL과 견준다. */
  function pageAddress(href) {
    var url = new URL(href, window.location.href);
    return url.origin + url.pathname.replace(/index\.html$/, "");
  }

  /**
   * 페이지의 질문 블록마다 id를 정한다: 훅이 넣은 앵커(includes/question-ids.yml의 id)를 읽는다.
   * 앵커가 없으면(훅이 돌지 않은 Zensical 빌드) 질문 은행에서 이 페이지의 같은 문장을 찾아 앵커를 만든다.
   * id를 계산하지 않는다: id의 출처는 id 지도 하나다.
   */
  function identifyQuestions(root) {
    var blocks = root.querySelectorAll("details.question");
    var missing = [];
    for (var i = 0; i < blocks.length; i++) {
      var details = blocks[i];
      if (details.getAttribute("data-qid")) continue;
      if (!details.querySelector(":scope > summary")) continue;
      var anchor = anchorBefore(details);
      if (anchor && anchor.id) details.setAttribute("data-qid", anchor.id);
      else missing.push(details);
    }
    if (!missing.length) return;
    var url = new URL("practice/bank.json", siteRoot).href;
    loadBank(url).then(function (bank) {
      if (!missing[0].isConnected) return;
      var here = pageAddress(window.location.href);
      var ids = {};
      bank.data.q.forEach(function (question) {
        var page = bank.data.p[question.p];
        if (page && pageAddress(new URL(page.u, url).href) === here) ids[normalize(question.t)] = question.i;
      });
      var created = false;
      missing.forEach(function (details) {
        var id = ids[summaryText(details.querySelector(":scope > summary"))];
        if (!id) return;
        if (!document.getElementById(id)) {
          details.parentNode.insertBefore(el("span", { className: "question-anchor", id: id }), details);
          created = true;
        }
        details.setAttribute("data-qid", id);
      });
      paintBadges(root);
      // 앵커를 방금 만들었다면 주소의 #q-…로 스크롤한다(꼬리 질문은 부모 블록 안에 있으므로 펼친다).
      var hash = window.location.hash.slice(1);
      var target = created && ID_PATTERN.test(hash) ? document.getElementById(hash) : null;
      if (!target) return;
      for (var node = target.parentElement; node; node = node.parentElement) {
        if (node.tagName === "DETAILS") node.open = true;
      }
      target.scrollIntoView();
    }, function (error) {
      if (window.console) window.console.warn("practice.js:", error);
    });
  }

  function paintBadges(root) {
    var entries = readState().q;
    var blocks = root.querySelectorAll("details.question[data-qid]");
    for (var i = 0; i < blocks.length; i++) {
      var summary = blocks[i].querySelector(":scope > summary");
      if (summary) setBadge(summary, entries[blocks[i].getAttribute("data-qid")]);
    }
    // 질문 목록: 배지는 링크 뒤에 둔다.
    var items = root.querySelectorAll(".practice-list li[data-qid]");
    for (var j = 0; j < items.length; j++) {
      var item = items[j];
      var entry = entries[item.getAttribute("data-qid")];
      var old = item.querySelector(":scope > .practice-badge");
      if (old && old.getAttribute("data-key") === badgeKey(entry)) continue;
      if (old) item.removeChild(old);
      var link = item.querySelector(":scope > a");
      if (entry && link) {
        var node = badge(entry);
        node.setAttribute("data-key", badgeKey(entry));
        item.insertBefore(node, link.nextSibling);
      }
    }
  }

  /* ---- 질문 은행(bank.json) ---------------------------------------------------------------- */

  var banks = {}; // 은행 URL → Promise. 즉시 이동으로 페이지를 오가도 한 번만 받는다.

  function bankUrl(host) {
    return new URL(host.getAttribute("data-bank") || "bank.json", window.location.href).href;
  }

  /** file://에서는 fetch가 막힌다: 오프라인 빌드가 함께 만든 bank.js를 <script>로 불러온다. */
  function loadBankScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url.replace(/\.json(?=$|[?#])/, ".js");
      script.onload = function () {
        var data = window.interviewNotesBank;
        script.parentNode.removeChild(script);
        if (data) resolve(data);
        else reject(new Error("bank.js did not define the bank"));
      };
      script.onerror = function () {
        script.parentNode.removeChild(script);
        reject(new Error("could not load " + script.src));
      };
      document.head.appendChild(script);
    });
  }

  function fetchBank(url) {
    return window.fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    });
  }

  /** 은행: {v, s: 섹션들, p: 페이지들 {u, t, s}, q: 질문들 {i, p, t, a, up?, c?}} (형식: 훅의 docstring). */
  function loadBank(url) {
    if (!banks[url]) {
      var load = window.location.protocol === "file:" ? loadBankScript(url) : fetchBank(url);
      banks[url] = load.then(function (data) {
        if (!data || !Array.isArray(data.q) || !Array.isArray(data.p)) {
          throw new Error(url + ": not a question bank");
        }
        var byId = {};
        data.q.forEach(function (question) {
          byId[question.i] = question;
        });
        return { data: data, byId: byId, url: url };
      });
      banks[url].catch(function () {
        delete banks[url]; // 다음에 다시 시도한다.
      });
    }
    return banks[url];
  }

  /** 훅의 render_list()와 같은 목록(Zensical처럼 훅이 돌지 않은 빌드용): 페이지마다 <h3>과 평평한 <ul>. */
  function renderList(data) {
    var byId = {};
    data.q.forEach(function (question) {
      byId[question.i] = question;
    });
    function depth(question) {
      return question.up && byId[question.up] ? 1 + depth(byId[question.up]) : 0;
    }
    function items(list, ids, pageUrl) {
      ids.forEach(function (id) {
        var question = byId[id];
        var attrs = { "data-qid": id };
        if (depth(question)) attrs["data-depth"] = String(depth(question));
        list.appendChild(el("li", attrs, [el("a", { href: pageUrl + "#" + id, text: question.t })]));
        items(list, question.c || [], pageUrl);
      });
    }
    var root = el("div", { className: "practice-list", id: "practice-list" }, [
      el("p", { text: "질문 " + data.q.length + "개(꼬리 질문 포함), 페이지 " + data.p.length + "개" }),
    ]);
    data.s.forEach(function (section, number) {
      root.appendChild(el("h2", { id: "bank-" + section.split(/\s+/).join("-"), text: section }));
      data.p.forEach(function (page, index) {
        if (page.s !== number) return;
        var top = data.q.filter(function (question) {
          return question.p === index && !question.up;
        }).map(function (question) {
          return question.i;
        });
        var list = el("ul", { className: "practice-page", "data-section": section });
        items(list, top, page.u);
        root.appendChild(el("h3", {}, [el("a", { href: page.u, text: page.t })]));
        root.appendChild(list);
      });
    });
    return root;
  }

  /* ---- 질문 모음 페이지: 목록 ------------------------------------------------------------- */

  /*
   * 훅은 전체 목록(render_list)을 <noscript class="practice-list-source">에 넣는다. JavaScript가 없으면
   * 그대로 보이고, 있으면 브라우저는 그것을 글자로만 두어 요소가 생기지 않는다(질문이 늘어도 DOM이
   * 작다). 여기서는 그 HTML을 <template>에서 읽어 페이지마다 접힌 <details>로 보이고, 독자가 펼친
   * 페이지의 질문만 DOM에 넣는다. 즉시 이동으로 들어오면 Material이 noscript 안을 이미 요소로 풀어
   * 두므로, 읽은 뒤 noscript를 통째로 바꾼다.
   */

  function parseList(markup) {
    var template = document.createElement("template");
    template.innerHTML = markup;
    return template.content.querySelector(".practice-list");
  }

  /** 원본 목록(훅의 HTML이나 renderList의 결과) → 접힌 페이지 묶음과 질문 목록. */
  function buildListView(source) {
    var view = el("div", { className: "practice-list", id: "practice-list" });
    var groups = [];
    var items = [];
    var title = "";
    for (var node = source.firstElementChild; node; node = node.nextElementSibling) {
      if (node.tagName === "P" || node.tagName === "H2") {
        view.appendChild(document.importNode(node, true));
      } else if (node.tagName === "H3") {
        title = normalize(node.textContent);
      } else if (node.tagName === "UL") {
        var group = {
          index: groups.length,
          section: node.getAttribute("data-section") || "",
          page: title,
          source: node,
          element: null,
          rendered: false,
          items: [],
        };
        var nodes = node.querySelectorAll("li[data-qid]");
        for (var i = 0; i < nodes.length; i++) {
          var link = nodes[i].querySelector("a");
          if (!link) continue;
          var item = {
            id: nodes[i].getAttribute("data-qid"),
            section: group.section,
            page: group.page,
            href: link.getAttribute("href"),
            text: normalize(link.textContent),
            group: group,
            node: null,
          };
          group.items.push(item);
          items.push(item);
        }
        group.element = el("details", {
          className: "practice-page",
          "data-section": group.section,
          "data-page": String(group.index),
        }, [el("summary", { text: group.page + " · 질문 " + group.items.length + "개" })]);
        group.element.addEventListener("toggle", openGroup.bind(null, group));
        view.appendChild(group.element);
        groups.push(group);
      }
    }
    var listView = { element: view, groups: groups, items: items };
    view.practiceView = listView; // 같은 문서에서 init()을 다시 불러도 목록을 다시 읽지 않는다.
    return listView;
  }

  /** 페이지 묶음을 처음 펼칠 때 그 페이지의 질문을 넣는다. */
  function openGroup(group) {
    if (!group.element.open || group.rendered) return;
    group.rendered = true;
    var list = document.importNode(group.source, true);
    var nodes = list.querySelectorAll("li[data-qid]");
    var byId = {};
    for (var i = 0; i < nodes.length; i++) byId[nodes[i].getAttribute("data-qid")] = nodes[i];
    group.items.forEach(function (item) {
      item.node = byId[item.id] || null;
    });
    group.element.appendChild(list);
    paintBadges(group.element);
    if (drill) filterBank(drill);
  }

  /* ---- 질문 모음 페이지: 연습 --------------------------------------------------------------- */

  function sectionsOf(items) {
    var seen = {};
    var sections = [];
    items.forEach(function (item) {
      if (!seen[item.section]) {
        seen[item.section] = true;
        sections.push(item.section);
      }
    });
    return sections;
  }

  function buildDrill(host, items) {
    var sections = sectionsOf(items);
    var select = el("select", { id: "practice-section", className: "practice-drill__select" }, [
      el("option", { value: "", text: "전체 섹션" }),
    ]);
    sections.forEach(function (section) {
      select.appendChild(el("option", { value: section, text: section }));
    });
    var review = el("input", { type: "checkbox", id: "practice-review-only" });
    var dueOnly = el("input", { type: "checkbox", id: "practice-due-only" });
    var next = el("button", { type: "button", className: "md-button md-button--primary" }, [
      "무작위 질문",
    ]);
    var reveal = el("button", { type: "button", className: "md-button", hidden: "" }, ["답 보기"]);
    var question = el("div", {
      className: "practice-drill__question",
      id: "practice-question",
      "aria-live": "polite",
    });
    var answer = el("div", {
      className: "practice-drill__answer",
      id: "practice-answer",
      role: "region",
      "aria-label": "모범 답안",
      tabindex: "-1",
      hidden: "",
    });
    var markButtons = MARKS.map(function (mark) {
      return el("button", {
        type: "button",
        className: "md-button practice-drill__mark practice-drill__mark--" + mark,
        "data-mark": mark,
      }, [LABELS[mark]]);
    });
    var marksGroup = el("div", {
      className: "practice-drill__marks",
      role: "group",
      "aria-label": "이 질문에 어떻게 답했나요?",
      hidden: "",
    }, [el("p", { className: "practice-drill__hint", text: "이 질문에 어떻게 답했나요?" })].concat(
      markButtons
    ));
    var status = el("p", { className: "practice-drill__status", role: "status" });
    var progress = el("div", { className: "practice-progress" });
    var reset = el("button", { type: "button", className: "md-button practice-drill__reset" }, [
      "기록 초기화",
    ]);
    var notice = el("p", { className: "practice-notice", role: "alert", hidden: "" });
    var due = el("div", { className: "practice-due", id: "practice-due" });
    var exportButton = el("button", { type: "button", className: "md-button" }, ["기록 내보내기"]);
    var importButton = el("button", { type: "button", className: "md-button" }, ["기록 가져오기"]);
    var importInput = el("input", {
      type: "file",
      id: "practice-import",
      accept: ".json,application/json",
      "aria-label": "가져올 연습 기록 파일",
      hidden: "",
    });
    var importStatus = el("p", { className: "practice-transfer__status", role: "status" });

    var panel = el("section", { className: "practice-drill", "aria-labelledby": "practice-drill-title" }, [
      el("h2", { id: "practice-drill-title", className: "practice-drill__title", text: "무작위 질문 연습" }),
      notice,
      due,
      el("div", { className: "practice-drill__controls" }, [
        el("label", { for: "practice-section", text: "섹션" }),
        select,
        el("label", { className: "practice-drill__check" }, [review, " 다시 볼 질문만"]),
        el("label", { className: "practice-drill__check" }, [dueOnly, " 오늘 복습할 질문만"]),
        next,
      ]),
      question,
      reveal,
      answer,
      marksGroup,
      status,
      el("h3", { className: "practice-drill__subtitle", id: "practice-progress-title", text: "섹션별 진행" }),
      progress,
      el("div", { className: "practice-transfer" }, [
        reset,
        exportButton,
        importButton,
        importInput,
      ]),
      importStatus,
    ]);
    host.textContent = "";
    host.appendChild(panel);

    return {
      host: host,
      items: items,
      sections: sections,
      select: select,
      review: review,
      dueOnly: dueOnly,
      notice: notice,
      due: due,
      exportButton: exportButton,
      importInput: importInput,
      importButton: importButton,
      importStatus: importStatus,
      next: next,
      reveal: reveal,
      question: question,
      answer: answer,
      marksGroup: marksGroup,
      status: status,
      progress: progress,
      reset: reset,
      current: null,
      bank: null, // 처음 "무작위 질문"을 누른 뒤의 질문 은행
    };
  }

  function candidates(state) {
    var entries = readState().q;
    var section = state.select.value;
    var reviewOnly = state.review.checked;
    var dueOnly = state.dueOnly.checked;
    return state.items.filter(function (item) {
      var entry = entries[item.id];
      if (state.bank && !state.bank.byId[item.id]) return false;
      if (section && item.section !== section) return false;
      if (reviewOnly && !(entry && REVIEW[entry.m])) return false;
      if (dueOnly && !isDue(entry)) return false;
      return true;
    });
  }

  /** 오늘 복습할 질문: 기한이 오늘이거나 지난 질문, 오래 밀린 것부터(같은 날이면 목록 순서). */
  function dueItems(state) {
    var entries = readState().q;
    return state.items.filter(function (item) {
      return isDue(entries[item.id]);
    }).map(function (item, index) {
      return { item: item, due: entries[item.id].d, index: index };
    }).sort(function (a, b) {
      return a.due < b.due ? -1 : a.due > b.due ? 1 : a.index - b.index;
    });
  }

  var DUE_SHOWN = 20; // 목록에 보이는 최대 개수(페이지를 가볍게)

  function renderDue(state) {
    var due = dueItems(state);
    state.due.textContent = "";
    state.due.appendChild(el("h3", {
      className: "practice-due__title",
      id: "practice-due-title",
      text: "오늘 복습할 질문 " + due.length + "개",
    }));
    if (!due.length) {
      state.due.appendChild(el("p", {
        className: "practice-due__empty",
        text: "오늘 복습할 질문이 없습니다. 표시한 질문은 상자에 따라 1·2·4·8·16·32일 뒤에 여기 나옵니다.",
      }));
      return;
    }
    var list = el("ol", { className: "practice-due__list", "aria-labelledby": "practice-due-title" });
    due.slice(0, DUE_SHOWN).forEach(function (row) {
      list.appendChild(el("li", { "data-qid": row.item.id, "data-due": row.due }, [
        el("a", { href: row.item.href, text: row.item.text }),
        " · " + dueLabel(row.due),
      ]));
    });
    state.due.appendChild(list);
    if (due.length > DUE_SHOWN) {
      state.due.appendChild(el("p", { text: "외 " + (due.length - DUE_SHOWN) + "개 · ‘오늘 복습할 질문만’으로 연습하세요." }));
    }
  }

  function renderNotice(state) {
    readState();
    state.notice.textContent = storageNotice;
    state.notice.hidden = !storageNotice;
  }

  function showQuestion(state, item) {
    state.current = item;
    state.question.textContent = "";
    state.answer.textContent = "";
    state.answer.hidden = true;
    state.marksGroup.hidden = true;
    if (!item) {
      state.reveal.hidden = true;
      state.question.appendChild(
        el("p", {
          className: "practice-drill__empty",
          text: state.review.checked
            ? "다시 볼 질문이 없습니다. 헷갈려요나 모르겠어요로 표시한 질문이 여기에 나옵니다."
            : state.dueOnly.checked
              ? "오늘 복습할 질문이 없습니다."
              : "이 섹션에는 질문이 없습니다.",
        })
      );
      return;
    }
    var entry = state.bank.byId[item.id];
    var page = state.bank.data.p[entry.p] || {};
    var saved = readState().q[item.id];
    var text = el("p", { className: "practice-drill__text" }, [
      el("a", { href: item.href, text: entry.t }),
    ]);
    if (saved) text.appendChild(badge(saved));
    state.question.appendChild(
      el("p", { className: "practice-drill__meta", text: item.section + " · " + (page.t || item.page) })
    );
    state.question.appendChild(text);
    state.reveal.hidden = false;
  }

  function pickQuestion(state) {
    var pool = candidates(state);
    if (pool.length > 1 && state.current) {
      var current = state.current;
      pool = pool.filter(function (item) {
        return item.id !== current.id;
      });
    }
    showQuestion(state, pool.length ? pool[Math.floor(Math.random() * pool.length)] : null);
  }

  /** 처음 누를 때 은행을 받는다(한 번만). 받는 동안 버튼은 그대로 두고 상태 줄에 알린다. */
  function withBank(state, then) {
    if (state.bank) {
      then();
      return;
    }
    if (state.loading) return;
    state.loading = true;
    state.next.setAttribute("aria-busy", "true");
    state.status.textContent = "질문을 불러오는 중입니다…";
    loadBank(bankUrl(state.host)).then(
      function (bank) {
        state.loading = false;
        state.next.removeAttribute("aria-busy");
        if (drill !== state) return; // 그 사이에 다른 페이지로 이동했다.
        state.bank = bank;
        state.status.textContent = "";
        then();
      },
      function (error) {
        state.loading = false;
        state.next.removeAttribute("aria-busy");
        if (window.console) window.console.warn("practice.js:", error);
        if (drill === state) {
          state.status.textContent = "질문을 불러오지 못했습니다. 연결을 확인하고 다시 눌러 주세요.";
        }
      }
    );
  }

  function revealAnswer(state) {
    var item = state.current;
    if (!item) return;
    var entry = state.bank.byId[item.id];
    state.answer.textContent = "";
    state.answer.appendChild(el("p", { className: "practice-drill__answer-title", text: "모범 답안" }));
    var body = el("div", { className: "practice-drill__answer-body" });
    if (entry && entry.a) {
      body.innerHTML = entry.a; // 빌드가 사이트의 페이지에서 만든 HTML
    } else {
      body.appendChild(el("p", {}, [el("a", { href: item.href, text: "페이지에서 보기" })]));
    }
    state.answer.appendChild(body);
    state.answer.hidden = false;
    state.marksGroup.hidden = false;
    state.reveal.hidden = true;
    state.answer.focus();
  }

  function renderProgress(state) {
    var marks = readMarks();
    var rows = [{ name: "전체", items: state.items }].concat(
      state.sections.map(function (section) {
        return {
          name: section,
          items: state.items.filter(function (item) {
            return item.section === section;
          }),
        };
      })
    );
    state.progress.textContent = "";
    rows.forEach(function (row, index) {
      var counts = { know: 0, unsure: 0, unknown: 0 };
      row.items.forEach(function (item) {
        if (marks[item.id]) counts[marks[item.id]] += 1;
      });
      var labelId = "practice-progress-" + index;
      var bar = el("progress", {
        max: String(row.items.length),
        value: String(counts.know),
        "aria-labelledby": labelId,
        "aria-valuetext": "알아요 " + counts.know + " / " + row.items.length,
      });
      state.progress.appendChild(
        el("div", { className: "practice-progress__row", "data-section": row.name }, [
          el("span", { className: "practice-progress__name", id: labelId, text: row.name }),
          bar,
          el("span", {
            className: "practice-progress__text",
            text:
              "알아요 " + counts.know + " / " + row.items.length +
              " · 헷갈려요 " + counts.unsure + " · 모르겠어요 " + counts.unknown,
          }),
        ])
      );
    });
  }

  /** "다시 볼 질문만"을 켜면 목록에서도 헷갈려요·모르겠어요로 표시한 질문(이 있는 페이지)만 남긴다. */
  function filterBank(state) {
    var marks = readMarks();
    var reviewOnly = state.review.checked;
    state.list.groups.forEach(function (group) {
      var keep = 0;
      group.items.forEach(function (item) {
        var show = !reviewOnly || Boolean(REVIEW[marks[item.id]]);
        if (show) keep += 1;
        if (item.node) item.node.hidden = !show;
      });
      group.element.hidden = keep === 0;
    });
    var headings = state.list.element.querySelectorAll("h2[id^='bank-']");
    for (var k = 0; k < headings.length; k++) {
      var visible = false;
      for (var node = headings[k].nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
        if (!node.hidden) visible = true;
      }
      headings[k].hidden = !visible;
    }
  }

  function refresh(root) {
    paintBadges(root);
    if (drill) {
      renderNotice(drill);
      renderDue(drill);
      renderProgress(drill);
      filterBank(drill);
    }
  }

  /* ---- 기록 내보내기·가져오기(계정 없이 다른 브라우저로) -------------------------------------- */

  function exportState(state) {
    var data = { format: EXPORT_FORMAT, v: 2, exported: new Date(Date.now()).toISOString(), q: readState().q };
    var blob = new Blob([JSON.stringify(data, null, 1) + "\n"], { type: "application/json" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "interview-notes-practice-" + addDays(0) + ".json" });
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
    state.importStatus.textContent = "질문 " + Object.keys(data.q).length + "개의 기록을 파일로 내보냈습니다.";
  }

  /** 가져올 파일 → v2 기록. 내보낸 파일(format)이 아니거나 깨졌으면 null. */
  function parseExport(text) {
    return parseWith(text, function (data) {
      return data && data.format === EXPORT_FORMAT ? parseState(data) : null;
    });
  }

  function importFile(state, file, done) {
    var reader = new FileReader();
    reader.onload = function () {
      var incoming = parseExport(String(reader.result));
      if (!incoming) {
        state.importStatus.textContent =
          "가져오지 못했습니다: ‘기록 내보내기’로 만든 연습 기록 파일(.json)이 아닙니다. 지금 기록은 그대로입니다.";
        state.importStatus.classList.add("practice-transfer__status--error");
        return;
      }
      state.importStatus.classList.remove("practice-transfer__status--error");
      var changed = mergeState(incoming);
      state.importStatus.textContent =
        "가져왔습니다: 질문 " + Object.keys(incoming.q).length + "개 중 " + changed + "개를 더 최근 기록으로 바꿨습니다.";
      done();
    };
    reader.onerror = function () {
      state.importStatus.textContent = "파일을 읽지 못했습니다.";
    };
    reader.readAsText(file);
  }

  function startDrill(root, host, list, bank) {
    if (!list.items.length) {
      drill = null;
      return;
    }
    var state = buildDrill(host, list.items);
    state.list = list;
    state.bank = bank || null;
    drill = state;
    buildMock(root, host, state);
    buildPrintOptions(host);

    state.question.appendChild(
      el("p", {
        className: "practice-drill__empty",
        text: "‘무작위 질문’을 누르면 질문이 하나 나옵니다. 소리 내어 답해 본 뒤 답을 확인하세요.",
      })
    );
    state.next.addEventListener("click", function () {
      state.status.textContent = "";
      withBank(state, function () {
        pickQuestion(state); // 포커스는 버튼에 두고, 새 질문은 aria-live로 읽힌다.
      });
    });
    state.reveal.addEventListener("click", function () {
      revealAnswer(state);
    });
    state.select.addEventListener("change", function () {
      if (state.current) pickQuestion(state);
    });
    state.review.addEventListener("change", function () {
      filterBank(state);
      if (state.current) pickQuestion(state);
    });
    state.dueOnly.addEventListener("change", function () {
      if (state.current) pickQuestion(state);
    });
    state.exportButton.addEventListener("click", function () {
      exportState(state);
    });
    state.importButton.addEventListener("click", function () {
      state.importInput.click();
    });
    state.importInput.addEventListener("change", function () {
      var file = state.importInput.files && state.importInput.files[0];
      if (!file) return;
      importFile(state, file, function () {
        refresh(root);
      });
      state.importInput.value = "";
    });
    state.marksGroup.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button[data-mark]") : null;
      if (!button || !state.current) return;
      var mark = button.getAttribute("data-mark");
      setMark(state.current.id, mark);
      state.status.textContent = "‘" + LABELS[mark] + "’로 표시했습니다. 다음 질문입니다.";
      refresh(root);
      pickQuestion(state);
      (state.reveal.hidden ? state.next : state.reveal).focus();
    });
    state.reset.addEventListener("click", function () {
      if (!window.confirm("모든 질문의 표시(알아요·헷갈려요·모르겠어요)를 지울까요? 되돌릴 수 없습니다.")) {
        return;
      }
      clearMarks();
      state.status.textContent = "모든 표시를 지웠습니다.";
      refresh(root);
      if (state.current) showQuestion(state, state.review.checked ? null : state.current);
    });
  }

  /* ---- 모의 면접: 본 질문 → 답 → 채점 → 그 질문의 꼬리 질문을 순서대로 → 다음 본 질문 ------------------ */

  var MOCK_SECONDS = 60;
  var mock = null; // 진행 중인 모의 면접(타이머를 멈추려고 기억한다)

  function stopMockTimer() {
    if (mock && mock.timer) {
      window.clearInterval(mock.timer);
      mock.timer = null;
    }
  }

  /** 은행에서 모의 면접의 질문 순서: 본 질문 n개를 무작위로 고르고, 각 본 질문 뒤에 꼬리 질문을 깊이 우선·순서대로. */
  function mockQueue(bank, section, count, random) {
    var data = bank.data;
    var mains = data.q.filter(function (question) {
      var page = data.p[question.p];
      return !question.up && page && (!section || data.s[page.s] === section);
    });
    for (var i = mains.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var swap = mains[i];
      mains[i] = mains[j];
      mains[j] = swap;
    }
    var queue = [];
    function add(question, depth) {
      queue.push({ question: question, depth: depth });
      (question.c || []).forEach(function (id) {
        if (bank.byId[id]) add(bank.byId[id], depth + 1);
      });
    }
    mains.slice(0, count).forEach(function (question) {
      add(question, 0);
    });
    return queue;
  }

  function buildMock(root, host, drillState) {
    var topic = el("select", { id: "practice-mock-topic", className: "practice-drill__select" }, [
      el("option", { value: "", text: "사이트 전체" }),
    ]);
    drillState.sections.forEach(function (section) {
      topic.appendChild(el("option", { value: section, text: section }));
    });
    var length = el("select", { id: "practice-mock-length", className: "practice-drill__select" });
    [3, 5, 10].forEach(function (n) {
      length.appendChild(el("option", { value: String(n), text: "본 질문 " + n + "개" }));
    });
    var timed = el("input", { type: "checkbox", id: "practice-mock-timer" });
    var start = el("button", { type: "button", className: "md-button md-button--primary" }, ["모의 면접 시작"]);
    var stage = el("div", { className: "practice-mock__stage", id: "practice-mock-stage" });
    var status = el("p", { className: "practice-drill__status", role: "status" });
    var panel = el("section", { className: "practice-drill practice-mock", "aria-labelledby": "practice-mock-title" }, [
      el("h2", { id: "practice-mock-title", className: "practice-drill__title", text: "모의 면접" }),
      el("p", {
        className: "practice-drill__hint",
        text: "본 질문에 답하고 채점하면 그 질문의 꼬리 질문이 순서대로 이어집니다. 키보드: Tab·Enter, 채점은 1·2·3.",
      }),
      el("div", { className: "practice-drill__controls" }, [
        el("label", { for: "practice-mock-topic", text: "주제" }),
        topic,
        el("label", { for: "practice-mock-length", text: "길이" }),
        length,
        el("label", { className: "practice-drill__check" }, [timed, " " + MOCK_SECONDS + "초 타이머"]),
        start,
      ]),
      stage,
      status,
    ]);
    host.appendChild(panel);

    function button(text, mark) {
      var attrs = { type: "button", className: "md-button" + (mark ? " practice-drill__mark practice-drill__mark--" + mark : "") };
      if (mark) attrs["data-mark"] = mark;
      return el("button", attrs, [text]);
    }

    function showStep(session) {
      stopMockTimer();
      var step = session.queue[session.index];
      if (!step) {
        showSummary(session);
        return;
      }
      var question = step.question;
      var page = session.bank.data.p[question.p] || {};
      stage.textContent = "";
      stage.appendChild(el("p", {
        className: "practice-drill__meta",
        text: "질문 " + (session.index + 1) + " / " + session.queue.length + " · " + (step.depth ? "꼬리 질문" : "본 질문") + " · " + (page.t || ""),
      }));
      var text = el("p", { className: "practice-drill__text practice-mock__question", "data-qid": question.i, "data-depth": String(step.depth), tabindex: "-1" }, [question.t]);
      stage.appendChild(text);
      var clock = el("p", { className: "practice-mock__timer", "aria-live": "off" });
      if (session.timed) stage.appendChild(clock);
      var reveal = button("답 보기");
      var stop = button("그만하고 정리");
      var answer = el("div", { className: "practice-drill__answer", role: "region", "aria-label": "모범 답안", tabindex: "-1", hidden: "" });
      var grades = el("div", { className: "practice-drill__marks", role: "group", "aria-label": "이 질문에 어떻게 답했나요?", hidden: "" },
        MARKS.map(function (mark, index) {
          return button((index + 1) + " " + LABELS[mark], mark);
        }));
      stage.appendChild(el("div", { className: "practice-mock__actions" }, [reveal, stop]));
      stage.appendChild(answer);
      stage.appendChild(grades);
      if (session.timed) {
        var left = MOCK_SECONDS;
        clock.textContent = "남은 시간 " + left + "초";
        mock.timer = window.setInterval(function () {
          left -= 1;
          clock.textContent = left > 0 ? "남은 시간 " + left + "초" : "시간이 다 됐습니다. 답을 확인해 보세요.";
          if (left <= 0) stopMockTimer();
        }, 1000);
      }
      function doReveal() {
        stopMockTimer();
        var body = el("div", { className: "practice-drill__answer-body" });
        body.innerHTML = question.a || "";
        body.appendChild(el("p", {}, [el("a", { href: page.u + "#" + question.i, text: "페이지에서 보기" })]));
        answer.appendChild(el("p", { className: "practice-drill__answer-title", text: "모범 답안" }));
        answer.appendChild(body);
        answer.hidden = false;
        grades.hidden = false;
        reveal.hidden = true;
        grades.querySelector("button").focus();
      }
      function grade(mark) {
        setMark(question.i, mark);
        session.results.push({ question: question, mark: mark });
        session.index += 1;
        refresh(root);
        showStep(session);
      }
      reveal.addEventListener("click", doReveal);
      stop.addEventListener("click", function () {
        session.index = session.queue.length;
        showSummary(session);
      });
      grades.addEventListener("click", function (event) {
        var target = event.target.closest ? event.target.closest("button[data-mark]") : null;
        if (target) grade(target.getAttribute("data-mark"));
      });
      stage.onkeydown = function (event) {
        if (grades.hidden || event.altKey || event.ctrlKey || event.metaKey) return;
        var index = ["1", "2", "3"].indexOf(event.key);
        if (index >= 0) {
          event.preventDefault();
          grade(MARKS[index]);
        }
      };
      reveal.focus();
    }

    function showSummary(session) {
      stopMockTimer();
      stage.onkeydown = null;
      var counts = { know: 0, unsure: 0, unknown: 0 };
      var reread = [];
      session.results.forEach(function (result) {
        counts[result.mark] += 1;
        if (REVIEW[result.mark] && reread.indexOf(result.question.p) < 0) reread.push(result.question.p);
      });
      stage.textContent = "";
      var title = el("h3", { className: "practice-mock__summary", tabindex: "-1", text: "모의 면접 정리" });
      stage.appendChild(title);
      stage.appendChild(el("p", {
        text: "질문 " + session.results.length + "개 · 알아요 " + counts.know + " · 헷갈려요 " + counts.unsure + " · 모르겠어요 " + counts.unknown,
      }));
      if (reread.length) {
        stage.appendChild(el("p", { text: "다시 읽을 페이지:" }));
        var list = el("ul", { className: "practice-mock__reread" });
        reread.forEach(function (index) {
          var page = session.bank.data.p[index];
          list.appendChild(el("li", {}, [el("a", { href: page.u, text: page.t })]));
        });
        stage.appendChild(list);
      } else if (session.results.length) {
        stage.appendChild(el("p", { text: "모두 알아요로 답했습니다. 다시 읽을 페이지가 없습니다." }));
      }
      mock = null;
      title.focus();
    }

    start.addEventListener("click", function () {
      status.textContent = "질문을 불러오는 중입니다…";
      loadBank(bankUrl(host)).then(function (bank) {
        if (!host.isConnected) return;
        status.textContent = "";
        stopMockTimer();
        var queue = mockQueue(bank, topic.value, Number(length.value), Math.random);
        if (!queue.length) {
          stage.textContent = "";
          stage.appendChild(el("p", { className: "practice-drill__empty", text: "이 주제에는 질문이 없습니다." }));
          return;
        }
        mock = { bank: bank, queue: queue, index: 0, results: [], timed: timed.checked, timer: null };
        showStep(mock);
      }, function (error) {
        if (window.console) window.console.warn("practice.js:", error);
        status.textContent = "질문을 불러오지 못했습니다. 연결을 확인하고 다시 눌러 주세요.";
      });
    });
  }

  function setupPracticePage(root) {
    stopMockTimer();
    mock = null;
    drill = null;
    var host = root.querySelector("#practice-drill");
    if (!host) return;
    var shown = root.querySelector("#practice-list");
    if (shown && shown.practiceView) {
      startDrill(root, host, shown.practiceView, null); // 같은 문서에서 다시 init()
      return;
    }
    var noscript = root.querySelector("noscript.practice-list-source");
    var source = noscript && parseList(noscript.innerHTML);
    if (source) {
      var list = buildListView(source);
      noscript.parentNode.replaceChild(list.element, noscript);
      startDrill(root, host, list, null);
      return;
    }
    // 훅이 돌지 않은 빌드(Zensical): 은행을 받아 훅과 같은 목록을 만든 뒤 시작한다.
    host.textContent = "";
    host.appendChild(el("p", { className: "practice-drill__status", role: "status", text: "질문 목록을 불러오는 중입니다…" }));
    loadBank(bankUrl(host)).then(
      function (bank) {
        if (!host.isConnected || root.querySelector("#practice-list")) return;
        var built = buildListView(renderList(bank.data));
        host.parentNode.insertBefore(built.element, host.nextSibling);
        startDrill(root, host, built, bank);
        refresh(root);
      },
      function (error) {
        if (window.console) window.console.warn("practice.js:", error);
        host.textContent = "";
        host.appendChild(el("p", { role: "status", text: "질문 목록을 불러오지 못했습니다. 새로 고침해 보세요." }));
      }
    );
  }

  /* ---- 시작 ------------------------------------------------------------------------------- */

  function init() {
    var root = document.querySelector("article") || document.body;
    try {
      identifyQuestions(root);
      setupPracticePage(root);
      refresh(root);
    } catch (error) {
      // 연습 기능의 문제가 페이지 읽기를 막지 않게 한다. 비어 있는 연습 상자는 자리(한 화면)만 차지하므로 알린다.
      if (window.console) window.console.warn("practice.js:", error);
      var host = root.querySelector("#practice-drill:empty");
      if (host) host.appendChild(el("p", { role: "status", text: "연습 상자를 열지 못했습니다. 새로 고침해 보세요." }));
    }
  }

  /* ---- 인쇄: 연습 페이지는 질문 목록 전체를, 주제 페이지는 질문을(고르면 모범 답안도) 펼쳐 찍는다 ---------- */

  var PRINT_KEY = "interview-notes:practice:print"; // "answers"면 인쇄할 때 질문 블록을 펼친다
  var printOpened = [];

  window.addEventListener("beforeprint", function () {
    var root = document.querySelector("article") || document.body;
    printOpened = [];
    function open(details) {
      if (!details.open) {
        details.open = true;
        printOpened.push(details);
      }
    }
    if (drill && drill.list) {
      drill.list.groups.forEach(function (group) {
        open(group.element);
        openGroup(group); // toggle 이벤트는 늦게 오므로 바로 그린다.
      });
    }
    if (getItem(PRINT_KEY) === "answers") {
      var blocks = root.querySelectorAll("details.question");
      for (var i = 0; i < blocks.length; i++) open(blocks[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    printOpened.forEach(function (details) {
      details.open = false;
    });
    printOpened = [];
  });

  function buildPrintOptions(host) {
    var answers = el("input", { type: "checkbox", id: "practice-print-answers" });
    answers.checked = getItem(PRINT_KEY) === "answers";
    answers.addEventListener("change", function () {
      try {
        if (answers.checked) window.localStorage.setItem(PRINT_KEY, "answers");
        else window.localStorage.removeItem(PRINT_KEY);
      } catch (error) {
        /* 저장할 수 없으면 이번 선택만 쓰인다 */
      }
    });
    var print = el("button", { type: "button", className: "md-button" }, ["질문 목록 인쇄"]);
    print.addEventListener("click", function () {
      window.print();
    });
    host.appendChild(el("div", { className: "practice-drill practice-print" }, [
      print,
      el("label", { className: "practice-drill__check" }, [
        answers,
        " 주제 페이지를 인쇄할 때 모범 답안도 펼치기(끄면 질문만)",
      ]),
    ]));
  }

  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY || event.key === null) {
      refresh(document.querySelector("article") || document.body);
    }
  });

  window.practice = {
    storageKey: STORAGE_KEY,
    readState: readState,
    readMarks: readMarks,
    renderList: renderList, // 은행 → 훅의 render_list()와 같은 목록 (테스트용)
    mockQueue: mockQueue, // 은행 → 모의 면접 질문 순서 (테스트용)
    nextBox: nextBox,
    init: init, // 테스트와 디버깅용: 현재 문서에 다시 붙인다.
  };

  // document$는 첫 페이지와 즉시 이동 뒤마다 새 문서를 알린다. file://로 연 오프라인 사본에서는
  // Material이 document$를 내보내지 않으므로, 첫 페이지는 DOMContentLoaded 뒤에 직접 붙인다.
  var started = false;
  function start() {
    started = true;
    init();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
  function fallback() {
    window.setTimeout(function () {
      if (!started) start();
    }, 0);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fallback);
  else fallback();
})();
