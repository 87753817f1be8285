/*
 * Runs inside the page that scripts/render_diagrams.py opens in headless Chromium, after
 * node_modules/mermaid/dist/mermaid.min.js. window.renderDiagrams(items, config) renders each
 * {key, source} with Mermaid, one after the other, and returns [{key, svg} | {key, error}].
 *
 * Each SVG is then made lean and page-friendly (see diagram_svg.FORMAT_VERSION when changing this):
 * - no <style> and no colours: docs/assets/stylesheets/diagrams.css draws every diagram with
 *   Material's palette (light and dark follow the toggle);
 * - ids: only the referenced ones survive, renamed d-<key>-<n> (unique within a page), and
 *   unreferenced <marker>/<symbol> definitions are dropped;
 * - role="img" named by the <title> (accTitle) and described by the <desc> (accDescr);
 * - width/height from the viewBox (the page scales it down to the phone with max-width: 100%),
 *   markers sized in user units (they scale with the diagram, not with the stroke);
 * - numbers rounded to 0.1 px, data-* and other unused attributes removed.
 */
(function () {
  "use strict";

  var COLOUR_ATTRS = ["fill", "stroke", "color", "font-family"];
  var DROP_STYLE = ["fill", "stroke", "color", "background-color", "font-family"];
  var NUMBER_ATTRS = [
    "d", "points", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
    "width", "height", "viewBox", "dx", "dy", "refX", "refY", "markerWidth", "markerHeight",
    "stroke-width", "font-size"
  ];
  var IDREF_ATTRS = ["aria-labelledby", "aria-describedby"];
  var DEFINITIONS = [
    "marker", "symbol", "filter", "linearGradient", "radialGradient", "clipPath", "mask", "pattern"
  ];
  var NOISE_CLASSES = ["text-outer-tspan", "text-inner-tspan", "row", "200"];

  function round(text) {
    return text.replace(/-?\d*\.\d+(?:e-?\d+)?/gi, function (number) {
      var value = Math.round(parseFloat(number) * 10) / 10;
      return String(value === 0 ? 0 : value);
    });
  }

  /** Mermaid escapes accTitle/accDescr as HTML, then sets them as text: "&lt;" would be read. */
  function unescapeText(element) {
    var decoder = document.createElement("textarea");
    decoder.innerHTML = element.textContent;
    element.textContent = decoder.value;
  }

  function elements(root) {
    return [root].concat(Array.prototype.slice.call(root.querySelectorAll("*")));
  }

  /** Every id an attribute points at: url(#id), href="#id", aria idrefs. */
  function references(element) {
    var found = [];
    Array.prototype.forEach.call(element.attributes, function (attr) {
      if (IDREF_ATTRS.indexOf(attr.name) >= 0) {
        found = found.concat(attr.value.split(/\s+/).filter(Boolean));
      } else if ((attr.name === "href" || attr.name === "xlink:href") && attr.value[0] === "#") {
        found.push(attr.value.slice(1));
      } else {
        attr.value.replace(/url\(#([^)]+)\)/g, function (_, id) {
          found.push(id);
          return _;
        });
      }
    });
    return found;
  }

  function cleanStyle(element) {
    var style = element.getAttribute("style");
    if (style === null) return;
    var kept = style
      .split(";")
      .map(function (part) { return part.trim(); })
      .filter(function (part) {
        if (!part || part.indexOf(":") < 0) return false;
        var name = part.slice(0, part.indexOf(":")).trim().toLowerCase();
        var value = part.slice(part.indexOf(":") + 1).trim();
        if (DROP_STYLE.indexOf(name) >= 0) return false;
        if (name === "font-size" && value === "16px") return false;
        if (name === "font-weight" && (value === "400" || value === "normal")) return false;
        if (name === "max-width") return false;
        return true;
      });
    if (kept.length) element.setAttribute("style", kept.join(";"));
    else element.removeAttribute("style");
  }

  /**
   * Markers in stroke-width units (Mermaid's autonumber circles, crossheads) are sized by the
   * stroke width that Mermaid's <style> gives the line using them. That style is dropped, and
   * diagrams.css draws lines with non-scaling strokes, so give each such marker its size in user
   * units now, measured on the live SVG while Mermaid's style still applies.
   */
  function fixMarkerUnits(svg) {
    Array.prototype.forEach.call(svg.querySelectorAll("marker"), function (marker) {
      var units = marker.getAttribute("markerUnits");
      if (units && units !== "strokeWidth") return;
      var url = "url(#" + marker.id + ")";
      var user = Array.prototype.find.call(svg.querySelectorAll("*"), function (element) {
        return ["marker-start", "marker-mid", "marker-end"].some(function (name) {
          return element.getAttribute(name) === url;
        });
      });
      var scale = user ? parseFloat(getComputedStyle(user).strokeWidth) : 1;
      if (!(scale > 0)) scale = 1;
      ["markerWidth", "markerHeight"].forEach(function (name) {
        var value = parseFloat(marker.getAttribute(name) || "3");
        marker.setAttribute(name, String(value * scale));
      });
      if (!marker.getAttribute("viewBox")) {
        ["refX", "refY"].forEach(function (name) {
          marker.setAttribute(name, String(parseFloat(marker.getAttribute(name) || "0") * scale));
        });
        var group = document.createElementNS("http://www.w3.org/2000/svg", "g");
        group.setAttribute("transform", "scale(" + scale + ")");
        while (marker.firstChild) group.appendChild(marker.firstChild);
        marker.appendChild(group);
      }
      marker.setAttribute("markerUnits", "userSpaceOnUse");
    });
  }

  function clean(svgText, prefix) {
    var doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
    var svg = doc.documentElement;
    if (svg.nodeName !== "svg") throw new Error("Mermaid did not return an SVG");

    Array.prototype.forEach.call(svg.querySelectorAll("style"), function (style) {
      style.remove();
    });

    // Attributes: colours and fonts come from diagrams.css; data-*/name are Mermaid's bookkeeping.
    elements(svg).forEach(function (element) {
      Array.prototype.slice.call(element.attributes).forEach(function (attr) {
        var name = attr.name;
        if (name.indexOf("data-") === 0 || name === "name") element.removeAttribute(name);
        else if (name === "style") cleanStyle(element);
        else if (COLOUR_ATTRS.indexOf(name) >= 0 && attr.value !== "none") {
          element.removeAttribute(name);
        }
      });
    });

    // Ids: keep the referenced ones (markers, title, desc) under short page-unique names.
    var referenced = {};
    elements(svg).forEach(function (element) {
      references(element).forEach(function (id) { referenced[id] = true; });
    });
    var title = svg.querySelector(":scope > title");
    var desc = svg.querySelector(":scope > desc");
    [title, desc].forEach(function (element) { if (element) unescapeText(element); });
    var renamed = {};
    var counter = 0;
    elements(svg).forEach(function (element) {
      var id = element.getAttribute("id");
      if (id === null) return;
      if (element === title) renamed[id] = prefix + "-title";
      else if (element === desc) renamed[id] = prefix + "-desc";
      else if (referenced[id]) renamed[id] = prefix + "-" + (counter += 1);
      else {
        element.removeAttribute("id");
        if (DEFINITIONS.indexOf(element.nodeName) >= 0) element.remove();
        return;
      }
      element.setAttribute("id", renamed[id]);
    });
    elements(svg).forEach(function (element) {
      Array.prototype.slice.call(element.attributes).forEach(function (attr) {
        var value = attr.value;
        if (IDREF_ATTRS.indexOf(attr.name) >= 0) {
          value = value.split(/\s+/).map(function (id) { return renamed[id] || id; }).join(" ");
        } else if ((attr.name === "href" || attr.name === "xlink:href") && value[0] === "#") {
          value = "#" + (renamed[value.slice(1)] || value.slice(1));
        } else {
          value = value.replace(/url\(#([^)]+)\)/g, function (_, id) {
            return "url(#" + (renamed[id] || id) + ")";
          });
        }
        if (NUMBER_ATTRS.indexOf(attr.name) >= 0) value = round(value);
        if (value !== attr.value) element.setAttribute(attr.name, value);
      });
    });

    // Layout that Mermaid's <style> carried: node labels are centred on the node.
    Array.prototype.forEach.call(svg.querySelectorAll(".node .label text"), function (text) {
      text.setAttribute("text-anchor", "middle");
    });

    // Mermaid's leftovers: geometry-less rects, empty labels, one <tspan> per word.
    Array.prototype.forEach.call(svg.querySelectorAll(DEFINITIONS.join(",")), function (def) {
      if (!def.getAttribute("id")) def.remove();
    });
    Array.prototype.forEach.call(svg.querySelectorAll(".edge-thickness-invisible"), function (edge) {
      edge.remove();
    });
    Array.prototype.forEach.call(svg.querySelectorAll("rect"), function (rect) {
      if (!rect.getAttribute("width") || !rect.getAttribute("height")) rect.remove();
    });
    Array.prototype.forEach.call(svg.querySelectorAll("text"), function (text) {
      if (!text.textContent.trim()) text.remove();
    });
    elements(svg).forEach(function (element) {
      if (element.getAttribute("font-style") === "normal") element.removeAttribute("font-style");
      if (element.getAttribute("font-weight") === "normal") element.removeAttribute("font-weight");
      var names = element.getAttribute("class");
      if (names === null) return;
      var kept = names.split(/\s+/).filter(function (name, index, all) {
        return name && NOISE_CLASSES.indexOf(name) < 0 && all.indexOf(name) === index;
      });
      if (kept.length) element.setAttribute("class", kept.join(" "));
      else element.removeAttribute("class");
    });
    Array.prototype.slice.call(svg.querySelectorAll("tspan tspan")).forEach(function (tspan) {
      if (tspan.attributes.length === 0 && !tspan.firstElementChild) {
        tspan.replaceWith(doc.createTextNode(tspan.textContent));
      }
    });
    Array.prototype.forEach.call(svg.querySelectorAll("tspan"), function (tspan) {
      tspan.normalize();
    });

    // Empty groups and definitions left behind.
    var removed = true;
    while (removed) {
      removed = false;
      Array.prototype.forEach.call(svg.querySelectorAll("g, defs"), function (element) {
        if (!element.firstElementChild && !element.textContent.trim()) {
          element.remove();
          removed = true;
        }
      });
    }

    // The root: a named image of its intrinsic size.
    var box = (svg.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
    if (box.length === 4 && box.every(isFinite)) {
      svg.setAttribute("width", String(Math.ceil(box[2])));
      svg.setAttribute("height", String(Math.ceil(box[3])));
    }
    var kind = svg.getAttribute("aria-roledescription") || "";
    ["id", "style", "aria-roledescription", "aria-labelledby", "aria-describedby", "class"].forEach(
      function (name) { svg.removeAttribute(name); }
    );
    svg.setAttribute("class", "diagram-" + kind.replace(/[^a-z0-9]+/gi, "-").replace(/-v\d+$/, ""));
    svg.setAttribute("role", "img");
    if (title) svg.setAttribute("aria-labelledby", title.getAttribute("id"));
    if (desc) svg.setAttribute("aria-describedby", desc.getAttribute("id"));
    return new XMLSerializer().serializeToString(svg);
  }

  window.renderDiagrams = async function (items, config) {
    window.mermaid.initialize(config);
    await document.fonts.ready;
    var results = [];
    for (var i = 0; i < items.length; i += 1) {
      var item = items[i];
      var prefix = "d-" + item.key;
      try {
        var rendered = await window.mermaid.render(prefix, item.source);
        var holder = document.createElement("div");
        holder.innerHTML = rendered.svg;
        document.body.appendChild(holder);
        fixMarkerUnits(holder.querySelector("svg"));
        var svgText = new XMLSerializer().serializeToString(holder.querySelector("svg"));
        holder.remove();
        results.push({ key: item.key, svg: clean(svgText, prefix) });
      } catch (error) {
        results.push({ key: item.key, error: String((error && error.message) || error) });
      }
      // Mermaid leaves its scratch element behind when a render fails.
      var scratch = document.getElementById("d" + prefix);
      if (scratch) scratch.remove();
    }
    return results;
  };
})();
