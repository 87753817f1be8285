/*
 * Mermaid을 사이트 안에서, 다이어그램이 있는 페이지에서만 불러온다.
 *
 * Material for MkDocs는 `pre.mermaid`를 만나면 전역 `mermaid`가 없을 때 unpkg(CDN)에서
 * Mermaid를 내려받는다. 여기서는 그 전에 작은 대리 객체를 전역 `mermaid`로 둔다. Material이
 * 처음으로 `mermaid.render()`를 부를 때(= 다이어그램이 있는 페이지를 열었을 때) 비로소
 * docs/assets/vendor/mermaid/mermaid.min.js를 한 번 불러와 진짜 Mermaid에 일을 넘긴다.
 * 다이어그램이 없는 페이지는 Mermaid를 받지 않고, 즉시 이동(instant navigation)으로 다른
 * 다이어그램 페이지에 가도 이미 받은 스크립트를 다시 쓴다. file://(오프라인 사본)에서도 동작한다.
 */
(function () {
  "use strict";

  var loaderSrc = document.currentScript && document.currentScript.src;
  var mermaidSrc = new URL("../vendor/mermaid/mermaid.min.js", loaderSrc).href;
  var settings = {};
  var ready = null;

  /** 진짜 Mermaid를 한 번만 불러와, Material이 준 설정으로 초기화한다. */
  function loadMermaid() {
    if (ready) return ready;
    ready = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = mermaidSrc;
      script.async = true;
      script.onload = function () {
        var real = window.mermaid;
        window.mermaid = proxy; // Material은 계속 대리 객체를 통해 부른다.
        real.initialize(settings);
        resolve(real);
      };
      script.onerror = function () {
        ready = null;
        window.mermaid = proxy;
        reject(new Error("Mermaid를 불러오지 못했습니다: " + mermaidSrc));
      };
      document.head.appendChild(script);
    });
    return ready;
  }

  var proxy = {
    /* 테스트와 디버깅용: 몇 개를 그렸고 실패가 있었는지. */
    rendered: 0,
    errors: [],
    initialize: function (config) {
      settings = Object.assign({}, config);
    },
    render: function (id, text) {
      return loadMermaid()
        .then(function (real) {
          return real.render(id, text);
        })
        .then(
          function (result) {
            proxy.rendered += 1;
            return result;
          },
          function (error) {
            proxy.errors.push(String((error && error.message) || error));
            throw error;
          }
        );
    }
  };

  window.mermaid = proxy;
})();
