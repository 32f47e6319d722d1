/* newslint report: renders the data block of this page.
   Everything from the data is put on the page as text (textContent, text nodes,
   attribute values), never as markup. Stories render when they are opened and
   articles when they scroll into view, so a report of thousands of articles
   opens at once. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("newslint-data").textContent);
  var F = DATA.findings;
  var DOCS = DATA.docs;
  var STORIES = DATA.stories;
  var RULES = DATA.rules;
  var SEVERITIES = DATA.severities;
  var SEV_RANK = {};
  SEVERITIES.forEach(function (s, i) { SEV_RANK[s] = i; });

  /* ---- indexes ---------------------------------------------------------- */
  var byDoc = DOCS.map(function () { return []; });   // finding indices of a document
  var relByDoc = DOCS.map(function () { return []; }); // [finding, related] placed in a document
  var notices = [];                                     // findings on no document
  F.forEach(function (f, i) {
    if (f.d >= 0) byDoc[f.d].push(i); else notices.push(i);
    f.r.forEach(function (r, j) { if (r.d >= 0 && r.s !== null) relByDoc[r.d].push([i, j]); });
  });
  var storyCount = STORIES.map(function (s) {
    return s.d.reduce(function (n, d) { return n + byDoc[d].length; }, 0);
  });

  var state = {
    story: -1,
    selected: [],          // finding indices shown in the detail panel
    hiddenCodes: new Set(),
    hiddenSev: new Set(),
    columns: new Map(),    // document index -> its column's parts, for the open story
    observer: null
  };

  /* ---- small DOM helpers ------------------------------------------------ */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "text") node.textContent = value;
        else if (key === "className") node.className = value;
        else node.setAttribute(key, value === true ? "" : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
    return node;
  }
  function badge(sev) { return el("span", { className: "badge " + sev, text: sev }); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function where(p) { return p.p + ":" + p.l + ":" + p.k; }
  function ruleName(code) { return (RULES[code] && RULES[code].n) || ""; }
  function visible(i) { return !state.hiddenCodes.has(F[i].c) && !state.hiddenSev.has(F[i].v); }
  function docLabel(d) { return DOCS[d].o || DOCS[d].p; }

  /* ---- header and summary ----------------------------------------------- */
  function countBy(key) {
    var counts = new Map();
    F.forEach(function (f, i) {
      var k = key(f, i);
      counts.set(k, (counts.get(k) || 0) + 1);
    });
    return Array.from(counts.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  }

  function table(caption, head, rows, limit) {
    function build(part) {
      var t = el("table", null, el("caption", { text: caption }));
      var tr = el("tr");
      head.forEach(function (h, i) { tr.appendChild(el("th", { scope: "col", className: i === head.length - 1 ? "n" : null, text: h })); });
      t.appendChild(el("thead", null, tr));
      var body = el("tbody");
      part.forEach(function (row) {
        var r = el("tr");
        row.forEach(function (cell, i) {
          var td = el(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, className: i === row.length - 1 ? "n" : null });
          td.appendChild(typeof cell === "object" ? cell : document.createTextNode(String(cell)));
          r.appendChild(td);
        });
        body.appendChild(r);
      });
      t.appendChild(body);
      return t;
    }
    var box = el("div", { className: "table" }, build(rows.slice(0, limit)));
    if (rows.length > limit) {
      box.appendChild(el("details", { className: "more" },
        el("summary", { text: plural(rows.length - limit, "more row", "more rows") }),
        build(rows.slice(limit))));
    }
    return box;
  }

  function chart(byRule) {
    var width = 720, bar = 18, gap = 6, left = 270, right = 50;
    var max = byRule.reduce(function (m, r) { return Math.max(m, r[1]); }, 1);
    var height = byRule.length * (bar + gap) + gap;
    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": "chart-title" });
    var title = svg("title", { id: "chart-title" });
    title.textContent = "Findings by rule: " + byRule.map(function (r) { return r[0] + " " + r[1]; }).join(", ");
    root.appendChild(title);
    byRule.forEach(function (r, i) {
      var code = r[0], n = r[1], y = gap + i * (bar + gap);
      var sev = (RULES[code] && RULES[code].v) || "info";
      var w = Math.max(2, (width - left - right) * n / max);
      var label = svg("text", { x: left - 8, y: y + bar - 5, "text-anchor": "end" });
      var name = ruleName(code);
      label.textContent = code + " " + (name.length > 30 ? name.slice(0, 29) + "…" : name);
      root.appendChild(label);
      root.appendChild(svg("rect", { x: left, y: y, width: w, height: bar, rx: 2, fill: "var(--" + sev + ")" }));
      var value = svg("text", { x: left + w + 6, y: y + bar - 5 });
      value.textContent = String(n);
      root.appendChild(value);
    });
    return el("figure", { className: "chart" }, root,
      el("figcaption", { className: "muted", text: "Findings by rule (bar colour: the rule's default severity)" }));
  }

  function storyLink(s) { return el("a", { href: "#story-" + s, text: STORIES[s].l }); }

  function renderSummary() {
    var docsWithFindings = new Set(F.filter(function (f) { return f.d >= 0; }).map(function (f) { return f.d; }));
    document.getElementById("totals").textContent =
      plural(DATA.files, "file", "files") + ", " + plural(F.length, "finding", "findings") + " in " +
      plural(docsWithFindings.size, "article", "articles") + ", " + plural(STORIES.length, "story", "stories");
    document.getElementById("generator").textContent = "Made by newslint " + DATA.version +
      ". Open a story at the left; select a highlighted passage to read the finding.";
    var body = document.getElementById("summary-body");
    var byRule = countBy(function (f) { return f.c; });
    if (!F.length) {
      body.appendChild(el("p", { text: "No findings: every rule that ran is satisfied." }));
      return;
    }
    body.appendChild(chart(byRule));
    body.appendChild(table("By rule", ["Rule", "Name", "Findings"],
      byRule.map(function (r) { return [r[0], ruleName(r[0]), r[1]]; }), 20));
    var bySev = countBy(function (f) { return f.v; }).sort(function (a, b) { return SEV_RANK[a[0]] - SEV_RANK[b[0]]; });
    body.appendChild(table("By severity", ["Severity", "Findings"],
      bySev.map(function (r) { return [badge(r[0]), r[1]]; }), 10));
    var byOutlet = countBy(function (f) { return f.d >= 0 ? docLabel(f.d) : "(no article)"; });
    body.appendChild(table("By outlet", ["Outlet", "Findings"], byOutlet, 12));
    var byStory = STORIES.map(function (s, i) { return [i, storyCount[i]]; })
      .filter(function (r) { return r[1] > 0; })
      .sort(function (a, b) { return b[1] - a[1]; });
    body.appendChild(table("By story", ["Story", "Articles", "Findings"],
      byStory.map(function (r) { return [storyLink(r[0]), STORIES[r[0]].d.length, r[1]]; }), 12));
    if (notices.length) {
      var list = el("ul");
      notices.forEach(function (i) {
        var f = F[i];
        list.appendChild(el("li", { "data-finding": i },
          el("button", { type: "button", className: "plain", "data-select": i },
            f.c + " " + where(f) + ": " + f.m)));
      });
      body.appendChild(el("div", { className: "notices" }, el("h3", { text: "Not in any article" }), list));
    }
  }

  /* ---- filters ---------------------------------------------------------- */
  function renderFilters() {
    var sevBox = document.getElementById("filter-severity");
    var sevCount = countBy(function (f) { return f.v; });
    var sevMap = new Map(sevCount);
    SEVERITIES.forEach(function (s) {
      var n = sevMap.get(s) || 0;
      var box = el("input", { type: "checkbox", checked: true, "data-sev": s, id: "sev-" + s });
      sevBox.appendChild(el("label", { "for": "sev-" + s }, box, badge(s), el("span", { className: "count", text: n })));
    });
    var ruleBox = document.getElementById("filter-rules");
    countBy(function (f) { return f.c; }).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; }).forEach(function (r, i) {
      var box = el("input", { type: "checkbox", checked: true, "data-code": r[0], id: "rule-" + i });
      ruleBox.appendChild(el("label", { "for": "rule-" + i, title: (RULES[r[0]] && RULES[r[0]].s) || "" }, box,
        el("span", null, el("span", { className: "code", text: r[0] }), " " + ruleName(r[0])),
        el("span", { className: "count", text: r[1] })));
    });
    if (!F.length) ruleBox.appendChild(el("p", { className: "muted", text: "No findings." }));
    document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); });
    document.getElementById("filters").addEventListener("change", function (e) {
      var t = e.target;
      if (t.dataset.sev) toggle(state.hiddenSev, t.dataset.sev, !t.checked);
      if (t.dataset.code) toggle(state.hiddenCodes, t.dataset.code, !t.checked);
      applyFilters();
    });
    document.getElementById("filter-reset").addEventListener("click", function () {
      state.hiddenCodes.clear();
      state.hiddenSev.clear();
      document.querySelectorAll("#filters input[type=checkbox]").forEach(function (b) { b.checked = true; });
      applyFilters();
    });
  }
  function toggle(set, key, on) { if (on) set.add(key); else set.delete(key); }

  function applyFilters() {
    state.columns.forEach(function (col) { filterColumn(col); });
    drawLinks();
  }

  function filterColumn(col) {
    col.article.querySelectorAll("mark").forEach(function (m) {
      var own = m.dataset.f ? m.dataset.f.split(" ").map(Number).filter(visible) : [];
      var rel = m.dataset.r ? m.dataset.r.split(" ").filter(function (key) { return visible(+key.split(":")[0]); }) : [];
      m.classList.toggle("off", !own.length && !rel.length);
      if (m.hasAttribute("tabindex")) m.tabIndex = own.length ? 0 : -1;
    });
    col.article.querySelectorAll(".flist li").forEach(function (li) {
      li.hidden = !visible(+li.dataset.finding);
    });
    var shown = byDoc[col.doc].filter(visible).length;
    col.count.textContent = shown === byDoc[col.doc].length ? plural(shown, "finding", "findings")
      : shown + " of " + plural(byDoc[col.doc].length, "finding", "findings") + " shown";
  }

  /* ---- story list ------------------------------------------------------- */
  function renderStoryList() {
    var list = document.getElementById("story-list");
    var frag = document.createDocumentFragment();
    STORIES.forEach(function (s, i) {
      var first = DOCS[s.d[0]];
      var sub = plural(s.d.length, "article", "articles") + ", " + plural(storyCount[i], "finding", "findings");
      var titled = first && first.ti && first.ti !== s.l ? first.ti : "";
      frag.appendChild(el("li", { "data-story": i },
        el("a", { href: "#story-" + i, id: "story-link-" + i },
          s.l, titled ? el("span", { className: "meta", text: titled }) : null,
          el("span", { className: "meta", text: sub }))));
    });
    list.appendChild(frag);
    var haystack = STORIES.map(function (s) {
      return [s.l].concat(s.d.map(function (d) { return DOCS[d].ti + " " + DOCS[d].o + " " + DOCS[d].p; })).join(" ").toLowerCase();
    });
    document.getElementById("story-search").addEventListener("input", function (e) {
      var q = e.target.value.trim().toLowerCase();
      Array.prototype.forEach.call(list.children, function (li, i) { li.hidden = !!q && haystack[i].indexOf(q) < 0; });
    });
  }

  /* ---- one story, its articles side by side ----------------------------- */
  function openStory(s) {
    if (s === state.story || s < 0 || s >= STORIES.length) return;
    if (state.observer) state.observer.disconnect();
    state.columns = new Map();
    state.story = s;
    var story = STORIES[s];
    document.querySelectorAll("#story-list a[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
    var link = document.getElementById("story-link-" + s);
    if (link) {
      link.setAttribute("aria-current", "true");
      var nav = document.getElementById("nav");
      var top = link.offsetTop - nav.offsetTop;
      if (top < nav.scrollTop || top > nav.scrollTop + nav.clientHeight - link.offsetHeight) nav.scrollTop = top - nav.clientHeight / 3;
    }
    document.getElementById("story-heading").textContent = "Story: " + story.l;
    var body = document.getElementById("story-body");
    body.textContent = "";
    var outlets = new Set(story.d.map(function (d) { return DOCS[d].o; }));
    var meta = plural(story.d.length, "article", "articles") + " from " + plural(outlets.size, "outlet", "outlets") +
      ", " + plural(storyCount[s], "finding", "findings") + ". The story rules compared these articles together.";
    if (story.h) meta += " " + plural(story.h, "more article", "more articles") + " of the story (no finding, not named on the command line) are not shown.";
    body.appendChild(el("p", { className: "story-meta", text: meta }));
    if (story.d.length > 1) {
      var index = el("ol");
      story.d.forEach(function (d) {
        index.appendChild(el("li", null, el("button", { type: "button", className: "plain", "data-column": d },
          docLabel(d) + " (" + byDoc[d].length + ")")));
      });
      body.appendChild(el("nav", { className: "story-index", "aria-label": "Articles of the story" }, el("span", { text: "Go to an article:" }), index));
    }
    var track = el("div", { className: "track" + (story.d.length === 1 ? " single" : ""), role: "list" });
    var links = svg("svg", { "class": "links", "aria-hidden": "true", focusable: "false" });
    track.appendChild(links);
    state.links = links;
    state.track = track;
    story.d.forEach(function (d) { track.appendChild(column(d)); });
    var row = el("div", { className: "row", role: "region", "aria-label": "Articles side by side", tabindex: 0 }, track);
    body.appendChild(row);
    state.observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) renderColumn(+entry.target.dataset.doc);
      });
    }, { rootMargin: "200px 600px" });
    state.columns.forEach(function (col) { state.observer.observe(col.article); });
    if (window.ResizeObserver) new ResizeObserver(scheduleLinks).observe(track);
  }

  function column(d) {
    var doc = DOCS[d];
    var headingId = "doc-" + d + "-h";
    var count = el("span");
    var byline = [doc.ti, doc.da].filter(Boolean).join(" · ");
    var head = el("header", null,
      el("h3", { id: headingId, text: doc.o || doc.p }),
      byline ? el("p", { className: "byline", text: byline }) : null,
      el("p", { className: "path" }, doc.p, " · ", count));
    var article = el("article", { className: "doc", role: "listitem", "aria-labelledby": headingId, "data-doc": d, id: "doc-" + d }, head);
    var prose;
    if (doc.t === null) {
      prose = el("p", { className: "unread", text: "The text of this file is not in the report (it could not be read, or it was only compared as part of the archive)." });
    } else {
      prose = el("div", { className: "prose pending", text: "…" });
    }
    article.appendChild(prose);
    var list = el("ol");
    byDoc[d].forEach(function (i) {
      var f = F[i];
      list.appendChild(el("li", { "data-finding": i, "data-code": f.c, "data-sev": f.v },
        el("button", { type: "button", "data-select": i },
          el("span", { className: "loc", text: f.l + ":" + f.k + " " }), badge(f.v), " ",
          el("span", { className: "code", text: f.c }), " " + f.m)));
    });
    if (byDoc[d].length) article.appendChild(el("details", { className: "flist", open: true }, el("summary", { text: "Findings in this article" }), list));
    var col = { doc: d, article: article, prose: prose, count: count, rendered: doc.t === null, marks: new Map(), relMarks: new Map() };
    state.columns.set(d, col);
    filterColumn(col);
    return article;
  }

  function renderColumn(d) {
    var col = state.columns.get(d);
    if (!col || col.rendered) return col;
    col.rendered = true;
    var text = DOCS[d].t;
    var items = [];
    var cuts = new Set([0, text.length]);
    byDoc[d].forEach(function (i) {
      var f = F[i];
      if (f.s === null) return;
      items.push({ s: f.s, e: f.e, i: i, j: -1 });
      cuts.add(f.s); cuts.add(f.e);
    });
    relByDoc[d].forEach(function (pair) {
      var r = F[pair[0]].r[pair[1]];
      items.push({ s: r.s, e: r.e, i: pair[0], j: pair[1] });
      cuts.add(r.s); cuts.add(r.e);
    });
    items.sort(function (a, b) { return a.s - b.s; });
    var points = Array.from(cuts).filter(function (c) { return c >= 0 && c <= text.length; }).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    var active = [];
    var next = 0;
    for (var c = 0; c < points.length - 1; c++) {
      var a = points[c], b = points[c + 1];
      while (next < items.length && items[next].s <= a) active.push(items[next++]);
      active = active.filter(function (it) { return it.e > a; });
      var piece = text.slice(a, b);
      if (!active.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      frag.appendChild(mark(col, piece, active));
    }
    col.prose.textContent = "";
    col.prose.classList.remove("pending");
    col.prose.appendChild(frag);
    filterColumn(col);
    scheduleLinks();
    return col;
  }

  function mark(col, piece, active) {
    var own = [], rel = [], worst = null, starts = [];
    active.forEach(function (it) {
      if (it.j < 0) {
        own.push(it.i);
        var sev = F[it.i].v;
        if (worst === null || SEV_RANK[sev] < SEV_RANK[worst]) worst = sev;
        if (!col.marks.has(it.i)) starts.push(it.i);
      } else {
        rel.push(it.i + ":" + it.j);
      }
    });
    var m = el("mark", { text: piece });
    if (own.length) {
      m.className = "hl " + worst;
      m.dataset.f = own.join(" ");
      m.dataset.codes = Array.from(new Set(own.map(function (i) { return F[i].c; }))).join(" ");
    } else {
      m.className = "rel";
    }
    if (rel.length) m.dataset.r = rel.join(" ");
    starts.forEach(function (i) { col.marks.set(i, m); });
    rel.forEach(function (key) { if (!col.relMarks.has(key)) col.relMarks.set(key, m); });
    if (starts.length) {
      m.tabIndex = 0;
      m.setAttribute("role", "button");
      m.setAttribute("aria-label", starts.map(function (i) { return F[i].c + " " + F[i].v; }).join(", ") + ": " + piece);
    }
    return m;
  }

  /* ---- links between articles ------------------------------------------- */
  var linksPending = false;
  function scheduleLinks() {
    if (linksPending) return;
    linksPending = true;
    requestAnimationFrame(function () { linksPending = false; drawLinks(); });
  }

  function drawLinks() {
    var links = state.links, track = state.track;
    if (!links || !track) return;
    while (links.firstChild) links.removeChild(links.firstChild);
    links.setAttribute("width", track.scrollWidth);
    links.setAttribute("height", track.scrollHeight);
    var origin = track.getBoundingClientRect();
    var selected = new Set(state.selected);
    var drawn = 0;
    state.columns.forEach(function (col) {
      if (!col.rendered) return;
      col.marks.forEach(function (m, i) {
        if (!visible(i)) return;
        F[i].r.forEach(function (r, j) {
          if (r.d < 0 || r.d === col.doc || drawn > 4000) return;
          var other = state.columns.get(r.d);
          var target = other && other.rendered ? other.relMarks.get(i + ":" + j) : null;
          if (!target) return;
          links.appendChild(curve(m.getBoundingClientRect(), target.getBoundingClientRect(),
            col.article.getBoundingClientRect(), other.article.getBoundingClientRect(), origin, selected.has(i)));
          drawn++;
        });
      });
    });
  }

  /* A link runs from the edge of one article, level with its passage, to the
     edge of the other: over the gutters, never striking through the prose. */
  function curve(a, b, from, to, origin, on) {
    var rightward = to.left >= from.left;
    var x1 = (rightward ? from.right : from.left) - origin.left;
    var y1 = a.top + a.height / 2 - origin.top;
    var x2 = (rightward ? to.left : to.right) - origin.left;
    var y2 = b.top + b.height / 2 - origin.top;
    var bend = Math.max(30, Math.abs(x2 - x1) / 3) * (rightward ? 1 : -1);
    var group = svg("g", on ? { "class": "on" } : {});
    group.appendChild(svg("path", { d: "M" + x1 + "," + y1 + " C" + (x1 + bend) + "," + y1 + " " + (x2 - bend) + "," + y2 + " " + x2 + "," + y2 }));
    group.appendChild(svg("circle", { cx: x1, cy: y1, r: on ? 4 : 2.5 }));
    group.appendChild(svg("circle", { cx: x2, cy: y2, r: on ? 4 : 2.5 }));
    return group;
  }

  /* ---- selecting a finding ---------------------------------------------- */
  function storyOf(i) { return F[i].d >= 0 ? DOCS[F[i].d].st : -1; }

  /** Show finding i: its story, its article, its passage; returns the element to click. */
  function reveal(i) {
    var f = F[i];
    if (f.d < 0) return document.querySelector("#summary [data-select='" + i + "']");
    var s = storyOf(i);
    if (s !== state.story) {
      history.replaceState(null, "", "#story-" + s);
      openStory(s);
    }
    var col = renderColumn(f.d) || state.columns.get(f.d);
    var target = col.marks.get(i) || col.article.querySelector(".flist li[data-finding='" + i + "'] button");
    return target;
  }

  function select(indices, opts) {
    opts = opts || {};
    indices = indices.filter(function (i) { return i >= 0 && i < F.length; });
    if (!indices.length) return;
    var target = reveal(indices[0]);
    document.querySelectorAll("mark.current, mark.current-rel").forEach(function (m) { m.classList.remove("current", "current-rel"); });
    document.querySelectorAll(".flist li.current").forEach(function (li) { li.classList.remove("current"); });
    state.selected = indices;
    indices.forEach(function (i) {
      var f = F[i];
      var col = f.d >= 0 ? state.columns.get(f.d) : null;
      if (!col) return;
      col.article.querySelectorAll("mark[data-f~='" + i + "']").forEach(function (m) { m.classList.add("current"); });
      var li = col.article.querySelector(".flist li[data-finding='" + i + "']");
      if (li) li.classList.add("current");
      f.r.forEach(function (r, j) {
        var other = r.d >= 0 ? state.columns.get(r.d) : null;
        if (!other) return;
        renderColumn(r.d);
        other.article.querySelectorAll("mark[data-r~='" + i + ":" + j + "']").forEach(function (m) { m.classList.add("current-rel"); });
      });
    });
    showDetail(indices);
    if (target && !opts.fromClick) {
      target.scrollIntoView({ block: "center", inline: "center" });
      target.focus({ preventScroll: true });
    }
    history.replaceState(null, "", "#finding-" + indices[0]);
    scheduleLinks();
  }

  function showDetail(indices) {
    var aside = document.getElementById("detail");
    aside.classList.remove("empty");
    var body = document.getElementById("detail-body");
    body.textContent = "";
    document.getElementById("detail-heading").textContent = indices.length > 1 ? plural(indices.length, "finding", "findings") + " here" : "Finding";
    indices.forEach(function (i) {
      var f = F[i];
      var rule = RULES[f.c] || {};
      var box = el("section", { className: "finding", "aria-label": f.c + " " + (rule.n || "") },
        el("h3", null, el("span", { className: "code", text: f.c }), " " + (rule.n || "") + " ", badge(f.v)),
        el("p", { className: "loc", text: where(f) + (f.d >= 0 ? " · " + docLabel(f.d) : "") }),
        el("p", { className: "message", text: f.m }));
      if (f.r.length) {
        var list = el("ul");
        f.r.forEach(function (r, j) {
          var label = where(r) + (r.m ? ": " + r.m : "");
          var item = r.d >= 0 && r.s !== null
            ? el("button", { type: "button", "data-related": i + ":" + j, text: label })
            : document.createTextNode(label);
          list.appendChild(el("li", null, item));
        });
        box.appendChild(el("p", { text: "Related places:" }));
        box.appendChild(list);
      }
      if (rule.s) box.appendChild(el("p", { className: "muted", text: rule.s }));
      if (rule.x) {
        box.appendChild(el("details", { open: true }, el("summary", { text: "About " + f.c + " (newslint --explain " + f.c + ")" }),
          el("div", { className: "explain", text: rule.x })));
      }
      body.appendChild(box);
    });
    body.appendChild(el("button", { type: "button", className: "plain", id: "detail-close", text: "Close (Esc)" }));
  }

  function closeDetail() {
    state.selected = [];
    document.querySelectorAll("mark.current, mark.current-rel").forEach(function (m) { m.classList.remove("current", "current-rel"); });
    document.querySelectorAll(".flist li.current").forEach(function (li) { li.classList.remove("current"); });
    var body = document.getElementById("detail-body");
    body.textContent = "";
    body.appendChild(el("p", { className: "muted", text: "Select a highlighted passage to read the finding and the rule's explanation." }));
    document.getElementById("detail").classList.add("empty");
    scheduleLinks();
  }

  function goToRelated(key) {
    var parts = key.split(":").map(Number);
    var r = F[parts[0]].r[parts[1]];
    var col = renderColumn(r.d) || state.columns.get(r.d);
    var m = col && col.relMarks.get(key);
    if (m) {
      m.scrollIntoView({ block: "center", inline: "center" });
      m.classList.add("current-rel");
    }
  }

  /* ---- events ------------------------------------------------------------ */
  function onActivate(target) {
    var pick = target.closest("[data-select]");
    if (pick) { select([+pick.dataset.select]); return true; }
    var rel = target.closest("[data-related]");
    if (rel) { goToRelated(rel.dataset.related); return true; }
    var colButton = target.closest("[data-column]");
    if (colButton) {
      var col = renderColumn(+colButton.dataset.column) || state.columns.get(+colButton.dataset.column);
      if (col) { col.article.scrollIntoView({ block: "start", inline: "start" }); col.article.querySelector("h3").focus(); }
      return true;
    }
    var m = target.closest("mark");
    if (m && !m.classList.contains("off")) {
      var own = m.dataset.f ? m.dataset.f.split(" ").map(Number).filter(visible) : [];
      if (!own.length && m.dataset.r) {
        own = m.dataset.r.split(" ").map(function (key) { return +key.split(":")[0]; }).filter(visible);
      }
      if (own.length) { select(own, { fromClick: true }); return true; }
    }
    if (target.id === "detail-close") { closeDetail(); return true; }
    return false;
  }

  document.addEventListener("click", function (e) { onActivate(e.target); });

  function findingsInOrder() {
    var story = STORIES[state.story];
    if (!story) return [];
    var out = [];
    story.d.forEach(function (d) { byDoc[d].forEach(function (i) { if (visible(i)) out.push(i); }); });
    return out;
  }

  function step(delta) {
    var order = findingsInOrder();
    if (!order.length) return;
    var at = state.selected.length ? order.indexOf(state.selected[0]) : -1;
    var next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length;
    select([order[next]]);
  }

  function storyStep(delta) {
    var n = STORIES.length;
    if (!n) return;
    var s = state.story < 0 ? 0 : (state.story + delta + n) % n;
    location.hash = "#story-" + s;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
    if (typing) {
      if (e.key === "Escape") t.blur();
      return;
    }
    if ((e.key === "Enter" || e.key === " ") && t && t.tagName === "MARK") {
      e.preventDefault();
      onActivate(t);
      return;
    }
    switch (e.key) {
      case "j": case "n": step(1); break;
      case "k": case "p": step(-1); break;
      case "]": storyStep(1); break;
      case "[": storyStep(-1); break;
      case "/": document.getElementById("story-search").focus(); break;
      case "?": toggleHelp(); break;
      case "Escape":
        if (!document.getElementById("help").hidden) toggleHelp(); else closeDetail();
        break;
      default: return;
    }
    e.preventDefault();
  });

  function toggleHelp() {
    var help = document.getElementById("help");
    help.hidden = !help.hidden;
    document.getElementById("help-toggle").setAttribute("aria-expanded", String(!help.hidden));
  }
  document.getElementById("help-toggle").addEventListener("click", toggleHelp);

  function route() {
    var m = /^#(story|finding)-(\d+)$/.exec(location.hash);
    if (m && m[1] === "finding" && +m[2] < F.length) { select([+m[2]]); return; }
    if (m && m[1] === "story") { openStory(+m[2]); return; }
    if (state.story < 0) {
      var first = storyCount.findIndex(function (n) { return n > 0; });
      openStory(first >= 0 ? first : 0);
    }
  }
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", scheduleLinks);
  window.addEventListener("beforeprint", function () {
    state.columns.forEach(function (col, d) { renderColumn(d); });
  });

  /* ---- start ------------------------------------------------------------- */
  renderSummary();
  renderFilters();
  renderStoryList();
  document.getElementById("detail").classList.add("empty");
  route();

  /* For tests and scripts: find and open findings without knowing the layout. */
  window.newslintReport = {
    findings: F.length,
    stories: STORIES.length,
    reveal: reveal,
    select: function (i) { select([i]); },
    selected: function () { return state.selected.slice(); }
  };
  document.documentElement.setAttribute("data-ready", String(Math.round(performance.now())));
})();
