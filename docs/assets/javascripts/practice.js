/*
 * 연습 모드: 면접 질문에 알아요 / 헷갈려요 / 모르겠어요 표시를 남기고, 질문 모음 페이지에서 무작위로 연습한다.
 *
 * - 모든 페이지: 질문 블록(details.question)마다 id를 찾고(hooks/question_bank.py가 넣은
 *   span.question-anchor, 없으면 같은 규칙으로 계산), 독자의 표시를 글자 배지로 보여 준다.
 * - 질문 모음 페이지(#practice-drill이 있는 페이지): 무작위 질문, 답 보기, 표시 버튼,
 *   섹션별 진행 막대, "다시 볼 질문만" 필터, 기록 초기화.
 * - 저장: localStorage 키 하나(STORAGE_KEY)에 {"q-xxxxxxxx": "know" | "unsure" | "unknown"}.
 *   깨진 JSON, 객체가 아닌 값, 모르는 id나 값은 무시한다. 저장소를 쓸 수 없으면(사생활 보호 모드)
 *   이번 방문 동안만 메모리에 둔다.
 * - 질문 id: "q-" + FNV-1a 32비트(UTF-8 바이트)의 16진수 8자리. 입력은 page_key + "\n" + 질문 문장.
 *   page_key는 사이트 루트 아래 페이지 URL 경로에서 끝의 "/"(또는 index.html, .html)를 뗀 것이다
 *   (network/tcp-handshake, http, 홈은 ""). hooks/question_bank.py의 question_id()와 같아야 한다.
 *
 * 의존성 없음. Material의 document$를 구독해 즉시 이동(instant navigation) 뒤에도 다시 붙는다.
 * 네트워크 요청을 하지 않는다: 연습에 필요한 것은 모두 질문 모음 페이지 안에 있다.
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
    var items = root.querySelectorAll(".practice-item[data-qid]");
    for (var j = 0; j < items.length; j++) {
      var line = items[j].querySelector(".practice-item__question");
      var holder = line && line.parentNode;
      if (holder) setBadge(holder, marks[items[j].getAttribute("data-qid")]);
    }
  }

  /** 커밋된 질문 모음(Zensical 빌드)은 페이지로만 링크한다: 질문 위치(#q-…)를 붙여 준다. */
  function linkBankItems(root) {
    var links = root.querySelectorAll(".practice-item[data-qid] .practice-item__question");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href") || "";
      if (href.indexOf("#") === -1) {
        links[i].setAttribute("href", href + "#" + links[i].closest(".practice-item").getAttribute("data-qid"));
      }
    }
  }

  /* ---- 질문 모음 페이지: 연습 --------------------------------------------------------------- */

  function bankItems(root) {
    var nodes = root.querySelectorAll(".practice-item[data-qid]");
    var items = [];
    for (var i = 0; i < nodes.length; i++) {
      var link = nodes[i].querySelector(".practice-item__question");
      if (!link) continue;
      items.push({
        id: nodes[i].getAttribute("data-qid"),
        section: nodes[i].getAttribute("data-section") || "",
        page: nodes[i].getAttribute("data-page") || "",
        node: nodes[i],
        link: link,
      });
    }
    return items;
  }

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
    };
  }

  function candidates(state) {
    var marks = readMarks();
    var section = state.select.value;
    var reviewOnly = state.review.checked;
    return state.items.filter(function (item) {
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
    var mark = readMarks()[item.id];
    var text = el("p", { className: "practice-drill__text" }, [
      el("a", { href: item.link.getAttribute("href") }, [item.link.textContent]),
    ]);
    if (mark) text.appendChild(badge(mark));
    state.question.appendChild(
      el("p", { className: "practice-drill__meta", text: item.section + " · " + item.page })
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

  function revealAnswer(state) {
    var item = state.current;
    if (!item) return;
    var source = item.node.querySelector("details");
    state.answer.textContent = "";
    state.answer.appendChild(el("p", { className: "practice-drill__answer-title", text: "모범 답안" }));
    if (source) {
      for (var child = source.firstElementChild; child; child = child.nextElementSibling) {
        if (child.tagName === "SUMMARY") continue;
        var copy = child.cloneNode(true);
        if (copy.removeAttribute) copy.removeAttribute("id");
        var withIds = copy.querySelectorAll("[id]");
        for (var i = 0; i < withIds.length; i++) withIds[i].removeAttribute("id");
        state.answer.appendChild(copy);
      }
    }
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

  /** "다시 볼 질문만"을 켜면 질문 모음 목록에서도 헷갈려요·모르겠어요만 남긴다. */
  function filterBank(state, root) {
    var marks = readMarks();
    var reviewOnly = state.review.checked;
    state.items.forEach(function (item) {
      item.node.hidden = reviewOnly && !REVIEW[marks[item.id]];
    });
    var pages = root.querySelectorAll(".practice-page");
    for (var i = 0; i < pages.length; i++) {
      var visible = pages[i].querySelector(".practice-item:not([hidden])");
      pages[i].hidden = reviewOnly && !visible;
    }
    var headings = root.querySelectorAll("h2[id^='bank-']");
    for (var j = 0; j < headings.length; j++) {
      var id = headings[j].id;
      var any = state.items.some(function (item) {
        return "bank-" + item.section.split(/\s+/).join("-") === id && !item.node.hidden;
      });
      headings[j].hidden = reviewOnly && !any;
    }
  }

  function refresh(root) {
    paintBadges(root);
    if (drill) {
      renderProgress(drill);
      filterBank(drill, root);
    }
  }

  function setupDrill(root) {
    var host = root.querySelector("#practice-drill");
    if (!host) {
      drill = null;
      return;
    }
    var items = bankItems(root);
    if (!items.length) {
      drill = null;
      return;
    }
    var state = buildDrill(host, items);
    drill = state;

    state.question.appendChild(
      el("p", {
        className: "practice-drill__empty",
        text: "‘무작위 질문’을 누르면 질문이 하나 나옵니다. 소리 내어 답해 본 뒤 답을 확인하세요.",
      })
    );
    state.next.addEventListener("click", function () {
      state.status.textContent = "";
      pickQuestion(state); // 포커스는 버튼에 두고, 새 질문은 aria-live로 읽힌다.
    });
    state.reveal.addEventListener("click", function () {
      revealAnswer(state);
    });
    state.select.addEventListener("change", function () {
      if (state.current) pickQuestion(state);
    });
    state.review.addEventListener("change", function () {
      filterBank(state, root);
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

  /* ---- 시작 ------------------------------------------------------------------------------- */

  function init() {
    var root = document.querySelector("article") || document.body;
    try {
      identifyQuestions(root);
      linkBankItems(root);
      setupDrill(root);
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
