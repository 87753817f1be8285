/*
 * 연습 모드: 면접 질문에 알아요 / 헷갈려요 / 모르겠어요 표시를 남기고, 질문 모음 페이지에서 무작위로 연습한다.
 *
 * - 모든 페이지: 질문 블록(details.question)마다 id를 찾고(hooks/question_bank.py가 넣은
 *   span.question-anchor, 없으면 같은 규칙으로 계산), 독자의 표시를 글자 배지로 보여 준다.
 *   주제 페이지는 아무것도 내려받지 않는다: 배지는 페이지의 질문 블록과 localStorage만 읽는다.
 * - 질문 모음 페이지(#practice-drill이 있는 페이지): 무작위 질문, 답 보기, 표시 버튼,
 *   섹션별 진행 막대, "다시 볼 질문만" 필터, 기록 초기화, 페이지별로 펼치는 질문 목록. 진행 막대와
 *   목록은 훅이 빌드 때 넣은 목록(<noscript>, 아래 "목록")을 읽는다. 질문 은행(data-bank="bank.json", 모범 답안 포함)은
 *   독자가 처음 "무작위 질문"을 누를 때 한 번만 받는다. file://(오프라인 사본)에서는 fetch가 막히므로
 *   같은 자료를 담은 bank.js를 <script>로 불러온다. 훅이 돌지 않은 빌드(Zensical)에는 목록이 없으므로
 *   페이지를 열 때 은행을 받아 훅과 같은 목록을 그린다.
 * - 저장: localStorage 키 하나(STORAGE_KEY)에 {"q-xxxxxxxx": "know" | "unsure" | "unknown"}.
 *   깨진 JSON, 객체가 아닌 값, 모르는 id나 값은 무시한다. 저장소를 쓸 수 없으면(사생활 보호 모드)
 *   이번 방문 동안만 메모리에 둔다.
 * - 질문 id: "q-" + FNV-1a 32비트(UTF-8 바이트)의 16진수 8자리. 입력은 page_key + "\n" + 질문 문장.
 *   page_key는 사이트 루트 아래 페이지 URL 경로에서 끝의 "/"(또는 index.html, .html)를 뗀 것이다
 *   (network/tcp-handshake, http, 홈은 ""). hooks/question_bank.py의 question_id()와 같아야 한다.
 *
 * 의존성 없음. Material의 document$를 구독해 즉시 이동(instant navigation) 뒤에도 다시 붙는다.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "interview-notes:practice:v1";
  var MARKS = ["know", "unsure", "unknown"];
  var LABELS = { know: "알아요", unsure: "헷갈려요", unknown: "모르겠어요" };
  var REVIEW = { unsure: true, unknown: true };
  var ID_PATTERN = /^q-[0-9a-f]{8}$/;

  var scriptSrc = document.currentScript && document.currentScript.src;
  // practice.js는 <사이트 루트>/assets/javascripts/에 있다.
  var siteRoot = scriptSrc ? new URL("../../", scriptSrc) : new URL("/", window.location.href);
  var memoryMarks = null; // localStorage를 쓸 수 없을 때의 대체 저장소
  var drill = null; // 질문 모음 페이지에 있을 때의 연습 상태

  /* ---- 질문 id ------------------------------------------------------------------------- */

  function utf8Bytes(text) {
    if (typeof TextEncoder !== "undefined") return new TextEncoder().encode(text);
    var binary = unescape(encodeURIComponent(text));
    var bytes = [];
    for (var i = 0; i < binary.length; i++) bytes.push(binary.charCodeAt(i));
    return bytes;
  }

  function fnv1a(text) {
    var bytes = utf8Bytes(text);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }

  function normalize(text) {
    return String(text).replace(/\s+/g, " ").trim();
  }

  /** hooks/question_bank.py의 question_id(page_key, title)와 같은 값 (title은 화면에 보이는 글자). */
  function questionId(pageKey, title) {
    var hex = fnv1a(pageKey + "\n" + normalize(title)).toString(16);
    return "q-" + ("00000000" + hex).slice(-8);
  }

  /** 사이트 루트 아래 URL 경로: "network/tcp-handshake", "http", 홈은 "". */
  function pageKey(href) {
    var url = new URL(href || window.location.href);
    var path = decodeURIComponent(url.pathname);
    var root = decodeURIComponent(siteRoot.pathname);
    if (path.indexOf(root) === 0) path = path.slice(root.length);
    else path = path.replace(/^\/+/, "");
    path = path.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "").replace(/\/+$/, "");
    return path;
  }

  /* ---- 저장소 ---------------------------------------------------------------------------- */

  function sanitize(data) {
    var marks = {};
    if (!data || typeof data !== "object" || Array.isArray(data)) return marks;
    Object.keys(data).forEach(function (id) {
      var mark = data[id];
      if (ID_PATTERN.test(id) && typeof mark === "string" && LABELS.hasOwnProperty(mark)) {
        marks[id] = mark;
      }
    });
    return marks;
  }

  function readMarks() {
    if (memoryMarks) return sanitize(memoryMarks);
    var raw = null;
    try {
      raw = window.localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return {};
    }
    if (!raw) return {};
    try {
      return sanitize(JSON.parse(raw));
    } catch (error) {
      return {}; // 깨진 JSON: 없는 것으로 본다.
    }
  }

  function writeMarks(marks) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(marks));
      memoryMarks = null;
    } catch (error) {
      memoryMarks = marks; // 저장할 수 없으면 이번 방문 동안만 기억한다.
    }
  }

  function setMark(id, mark) {
    if (!ID_PATTERN.test(id) || !LABELS.hasOwnProperty(mark)) return;
    var marks = readMarks();
    marks[id] = mark;
    writeMarks(marks);
  }

  function clearMarks() {
    memoryMarks = null;
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      memoryMarks = {};
    }
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

  function badge(mark) {
    return el("span", { className: "practice-badge practice-badge--" + mark, "data-mark": mark }, [
      el("span", { className: "practice-sr-only", text: "내 표시: " }),
      LABELS[mark],
    ]);
  }

  function setBadge(container, mark) {
    var old = container.querySelectorAll(":scope > .practice-badge");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    if (mark) container.appendChild(badge(mark));
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

  /** 페이지의 질문 블록마다 id를 정한다. 훅이 넣은 앵커가 없으면(Zensical) 계산해 앵커를 만든다. */
  function identifyQuestions(root) {
    var key = pageKey();
    var blocks = root.querySelectorAll("details.question");
    var created = false;
    for (var i = 0; i < blocks.length; i++) {
      var details = blocks[i];
      if (details.getAttribute("data-qid")) continue;
      var summary = details.querySelector(":scope > summary");
      if (!summary) continue;
      var anchor = anchorBefore(details);
      var id = anchor && anchor.id;
      if (!id) {
        id = questionId(key, summaryText(summary));
        if (!document.getElementById(id)) {
          anchor = el("span", { className: "question-anchor", id: id });
          details.parentNode.insertBefore(anchor, details);
          created = true;
        }
      }
      details.setAttribute("data-qid", id);
    }
    // 앵커를 방금 만들었다면 주소의 #q-…로 스크롤한다. 즉시 이동은 이 함수 뒤에 스크롤 위치를
    // 정하므로 한 틱 늦춘다.
    if (created && /^#q-[0-9a-f]{8}$/.test(window.location.hash)) {
      var hash = window.location.hash.slice(1);
      window.setTimeout(function () {
        var target = document.getElementById(hash);
        if (!target || window.location.hash !== "#" + hash) return;
        for (var node = target.parentElement; node; node = node.parentElement) {
          if (node.tagName === "DETAILS") node.open = true; // 꼬리 질문은 부모 블록 안에 있다.
        }
        target.scrollIntoView();
      }, 50);
    }
  }

  function paintBadges(root) {
    var marks = readMarks();
    var blocks = root.querySelectorAll("details.question[data-qid]");
    for (var i = 0; i < blocks.length; i++) {
      var summary = blocks[i].querySelector(":scope > summary");
      if (summary) setBadge(summary, marks[blocks[i].getAttribute("data-qid")]);
    }
    // 질문 목록: 배지는 링크 뒤에 둔다.
    var items = root.querySelectorAll(".practice-list li[data-qid]");
    for (var j = 0; j < items.length; j++) {
      var item = items[j];
      var mark = marks[item.getAttribute("data-qid")];
      var old = item.querySelector(":scope > .practice-badge");
      if (old && old.getAttribute("data-mark") === mark) continue;
      if (old) item.removeChild(old);
      var link = item.querySelector(":scope > a");
      if (mark && link) item.insertBefore(badge(mark), link.nextSibling);
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

    var panel = el("section", { className: "practice-drill", "aria-labelledby": "practice-drill-title" }, [
      el("h2", { id: "practice-drill-title", className: "practice-drill__title", text: "무작위 질문 연습" }),
      el("div", { className: "practice-drill__controls" }, [
        el("label", { for: "practice-section", text: "섹션" }),
        select,
        el("label", { className: "practice-drill__check" }, [review, " 다시 볼 질문만"]),
        next,
      ]),
      question,
      reveal,
      answer,
      marksGroup,
      status,
      el("h3", { className: "practice-drill__subtitle", id: "practice-progress-title", text: "섹션별 진행" }),
      progress,
      reset,
    ]);
    host.textContent = "";
    host.appendChild(panel);

    return {
      host: host,
      items: items,
      sections: sections,
      select: select,
      review: review,
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
    var marks = readMarks();
    var section = state.select.value;
    var reviewOnly = state.review.checked;
    return state.items.filter(function (item) {
      if (state.bank && !state.bank.byId[item.id]) return false;
      if (section && item.section !== section) return false;
      if (reviewOnly && !REVIEW[marks[item.id]]) return false;
      return true;
    });
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
            : "이 섹션에는 질문이 없습니다.",
        })
      );
      return;
    }
    var entry = state.bank.byId[item.id];
    var page = state.bank.data.p[entry.p] || {};
    var mark = readMarks()[item.id];
    var text = el("p", { className: "practice-drill__text" }, [
      el("a", { href: item.href, text: entry.t }),
    ]);
    if (mark) text.appendChild(badge(mark));
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
      renderProgress(drill);
      filterBank(drill);
    }
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

  function setupPracticePage(root) {
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
      // 연습 기능의 문제가 페이지 읽기를 막지 않게 한다.
      if (window.console) window.console.warn("practice.js:", error);
    }
  }

  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY || event.key === null) {
      refresh(document.querySelector("article") || document.body);
    }
  });

  window.practice = {
    storageKey: STORAGE_KEY,
    questionId: questionId,
    pageKey: pageKey,
    readMarks: readMarks,
    renderList: renderList, // 은행 → 훅의 render_list()와 같은 목록 (테스트용)
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
