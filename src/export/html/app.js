// The diplograph explorer: search, time filter, details, paths. Written by `diplograph export
// --format html`; the data is the JSON object in #diplograph-data (see src/export/html/data.rs).
(function () {
  'use strict';

  var DATA = JSON.parse(document.getElementById('diplograph-data').textContent);

  // The page draws at most this many relations at once; a larger view is sampled (the earliest
  // relations by id order are kept) and says so. The whole graph is drawn only below it.
  var DRAW_LIMIT = 1500;
  // No animation when the browser asks for reduced motion.
  var FAST = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // ---- Days and dates: the same calendar arithmetic as src/model/edtf.rs (days since 1970-01-01,
  // proleptic Gregorian; Howard Hinnant's days_from_civil). ----
  function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
  function daysInMonth(y, m) { return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }
  function dayNumber(y, m, d) {
    var yy = m <= 2 ? y - 1 : y;
    var era = Math.floor(yy / 400);
    var yoe = yy - era * 400;
    var doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }
  function today() { return Math.floor(Date.now() / 86400000); }

  // A date as the command line's --at/--from/--until accept it: YYYY, YYYY-MM or YYYY-MM-DD, no
  // qualifier. Returns [earliest day, latest day] or null.
  function parseDate(text) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) return null;
    var y = +m[1];
    if (y < 1) return null;
    if (m[2] === undefined) return [dayNumber(y, 1, 1), dayNumber(y, 12, 31)];
    var mo = +m[2];
    if (mo < 1 || mo > 12) return null;
    if (m[3] === undefined) return [dayNumber(y, mo, 1), dayNumber(y, mo, daysInMonth(y, mo))];
    var d = +m[3];
    if (d < 1 || d > daysInMonth(y, mo)) return null;
    return [dayNumber(y, mo, d), dayNumber(y, mo, d)];
  }

  // A time filter from text: "2005" (at a date) or "2004/2012", "2004/", "/2012" (a window).
  // Returns {at: bool, q0, q1} with null for an open side, or null if the text is not one.
  function parseFilter(text) {
    text = text.trim();
    var slash = text.indexOf('/');
    if (slash < 0) {
      var d = parseDate(text);
      return d && { at: true, q0: d[0], q1: d[1] };
    }
    var a = text.slice(0, slash).trim(), b = text.slice(slash + 1).trim();
    var from = a === '' || a === '..' ? null : parseDate(a);
    var until = b === '' || b === '..' ? null : parseDate(b);
    if ((a !== '' && a !== '..' && !from) || (b !== '' && b !== '..' && !until) || (!from && !until)) return null;
    if (from && until && from[0] > until[1]) return null;
    return { at: false, q0: from ? from[0] : null, q1: until ? until[1] : null };
  }

  // ---- The certainty rule: TimeFilter::classify of src/query/time.rs, line by line. ----
  // A relation's start/end is null (unknown), "open", or [earliest, latest, exact]; `point` is
  // true for a relation at one date. Returns "definite", "possible" or null (does not pass).
  // Undated relations never come here: they are "undated".
  function classifySpan(r, q, todayDay) {
    var s = r.start, e = r.end;
    var wideStart = Array.isArray(s) ? s[0] : null;
    var wideEnd = Array.isArray(e) ? e[1] : null;
    var overlaps = (q.q1 === null || wideStart === null || wideStart <= q.q1) &&
      (q.q0 === null || wideEnd === null || wideEnd >= q.q0);
    if (!overlaps) return null;
    if (r.point) {
      var inside = (q.q0 === null || q.q0 <= s[0]) && (q.q1 === null || s[1] <= q.q1);
      return s[2] && inside ? 'definite' : 'possible';
    }
    // undefined: not sure; null: since ever (open start).
    var sureStart = Array.isArray(s) && s[2] ? s[1] : s === 'open' ? null : undefined;
    var sureEnd = Array.isArray(e) && e[2] ? e[0] : e === 'open' ? todayDay : undefined;
    var definite = false;
    if (sureStart !== undefined && sureEnd !== undefined) {
      if (q.at) {
        var startsBefore = sureStart === null ? true : q.q0 !== null ? sureStart <= q.q0 : false;
        var endsAfter = q.q1 !== null ? sureEnd >= q.q1 : false;
        definite = startsBefore && endsAfter && (sureStart === null || sureStart <= sureEnd);
      } else {
        var lo = sureStart !== null && q.q0 !== null ? Math.max(sureStart, q.q0) : sureStart !== null ? sureStart : q.q0;
        var hi = q.q1 !== null ? Math.min(sureEnd, q.q1) : sureEnd;
        definite = lo === null || hi === null || lo <= hi;
      }
    }
    // A relation that surely begins inside a window surely overlaps it, whatever its end.
    var beginsInside = !q.at && Array.isArray(s) && s[2] &&
      (q.q0 === null || q.q0 <= s[0]) && (q.q1 === null || s[1] <= q.q1);
    return definite || beginsInside ? 'definite' : 'possible';
  }

  // How relation `r` stands against filter `q` (null: no time filter): "definite", "possible",
  // "undated", or null when it does not pass. Mirrors Filter::admits (src/query/filter.rs):
  // without a time filter a dated relation is definite and an undated one undated; under a time
  // filter an undated relation is left out unless `undated` (--undated) keeps it; `certain`
  // (--certain) keeps only the definite, `dated` (--dated-only) drops the undated.
  function classify(r, q, todayDay, certain, dated, undated) {
    var c;
    if (r.date === null) {
      if (q !== null && !undated) return null;
      c = 'undated';
    } else if (q === null) c = 'definite';
    else c = classifySpan(r, q, todayDay);
    if (c === 'undated' && (dated || certain)) return null;
    if (c === 'possible' && certain) return null;
    return c;
  }

  // Whether the time filter leaves undated relations out here (Filter::leaves_out_undated): then
  // the status says how many, and how to include them.
  function leavesOutUndated(q, certain, dated, undated) {
    return q !== null && !undated && !certain && !dated;
  }

  // ---- Indexes ----
  var E = DATA.entities, R = DATA.relations, P = DATA.predicates, S = DATA.sources;
  var kindById = {};
  DATA.kinds.forEach(function (k) { kindById[k.id] = k; });
  var incident = E.map(function () { return []; });
  R.forEach(function (r, i) { incident[r.s].push(i); if (r.o !== r.s) incident[r.o].push(i); });
  var disagreementsOf = R.map(function () { return []; });
  DATA.disagreements.forEach(function (d, i) {
    d.versions.forEach(function (v) {
      v.claims.forEach(function (c) {
        if (disagreementsOf[c[0]].indexOf(i) < 0) disagreementsOf[c[0]].push(i);
      });
    });
  });

  function fold(text) {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  var names = [];
  E.forEach(function (e, i) {
    [e.label].concat(e.aliases).forEach(function (n) { names.push({ entity: i, name: n, folded: fold(n) }); });
    names.push({ entity: i, name: e.id, folded: fold(e.id) });
  });

  // Entities whose label, an alias or id contains the text: exact names first, then prefixes.
  function search(text) {
    var f = fold(text.trim());
    if (!f) return [];
    var best = {};
    names.forEach(function (n) {
      var at = n.folded.indexOf(f);
      if (at < 0) return;
      var rank = n.folded === f ? 0 : at === 0 ? 1 : 2;
      if (!(n.entity in best) || rank < best[n.entity].rank) best[n.entity] = { rank: rank, name: n.name };
    });
    return Object.keys(best).map(Number).sort(function (a, b) {
      return best[a].rank - best[b].rank || E[a].label.localeCompare(E[b].label);
    }).map(function (i) { return { entity: i, name: best[i].name }; });
  }

  function resolve(text) {
    var found = search(text);
    return found.length ? found[0].entity : null;
  }

  // ---- State ----
  var state = {
    time: null,         // null, or a filter {at, q0, q1}
    timeText: '',
    certain: false,     // like --certain: only the definite
    dated: false,       // like --dated-only: no undated relation, time filter or not
    undated: false,     // like --undated: under a time filter, undated relations too (marked)
    kinds: {},          // kind id -> shown
    predicates: {},     // predicate index -> shown
    focus: null,        // entity index, or null for the whole graph
    depth: 1,
    view: null,         // {nodes: Set, edges: [relation index]}
    path: null,         // {nodes: [], edges: []}
    today: today(),
  };
  DATA.kinds.forEach(function (k) { state.kinds[k.id] = true; });
  P.forEach(function (p, i) { state.predicates[i] = true; });

  // Whether relation i passes every filter; its certainty or null. `undated` overrides the
  // state's (to count what --undated would add).
  function passes(i, undated) {
    var r = R[i];
    if (!state.predicates[r.p]) return null;
    if (!state.kinds[E[r.s].kind] || !state.kinds[E[r.o].kind]) return null;
    return classify(r, state.time, state.today, state.certain, state.dated, undated === undefined ? state.undated : undated);
  }

  // ---- Drawing ----
  var el = function (id) { return document.getElementById(id); };
  var cy = cytoscape({
    container: el('cy'),
    minZoom: 0.05,
    maxZoom: 2.5,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'font-size': 10, 'text-valign': 'center', 'text-halign': 'center',
        'text-wrap': 'wrap', 'text-max-width': 96, 'width': 'data(w)', 'height': 'data(h)',
        'shape': 'data(shape)', 'background-color': 'data(fill)', 'border-color': 'data(border)', 'border-width': 1.5 } },
      { selector: 'node.focus', style: { 'border-width': 4, 'font-weight': 'bold' } },
      { selector: 'edge', style: {
        'curve-style': 'bezier', 'width': 1.6, 'line-color': '#444', 'target-arrow-color': '#444',
        'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'label': 'data(label)', 'font-size': 8,
        'color': '#333', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8,
        'text-background-padding': 1 } },
      { selector: 'edge.quiet', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
      { selector: 'edge.quiet:selected, edge.quiet.path', style: { 'text-opacity': 1, 'text-background-opacity': 0.8 } },
      { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
      { selector: 'edge.possible', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
      { selector: 'edge.undated', style: { 'line-style': 'dotted', 'line-color': '#9a9a9a', 'target-arrow-color': '#9a9a9a', 'color': '#6f6f6f' } },
      { selector: 'edge.disputed', style: { 'line-color': '#c0392b', 'target-arrow-color': '#c0392b', 'color': '#c0392b' } },
      { selector: '.hidden', style: { 'display': 'none' } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: 'edge.path', style: { 'width': 5, 'line-color': '#e67e00', 'target-arrow-color': '#e67e00', 'opacity': 1, 'z-index': 10 } },
      { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e67e00', 'opacity': 1 } },
      { selector: ':selected', style: { 'overlay-color': '#1f78b4', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
    ],
  });

  function message(text) {
    el('message').hidden = !text;
    el('message').textContent = text || '';
  }

  // The relations of the current view, before the time and kind filters: the whole graph, or the
  // neighbourhood of the focus (through relations that pass the filters), capped at DRAW_LIMIT.
  function viewEdges() {
    if (state.focus === null) return R.map(function (_, i) { return i; });
    var seen = {}, frontier = [state.focus], edges = {}, nodes = {};
    nodes[state.focus] = true;
    for (var d = 0; d < state.depth; d++) {
      var next = [];
      frontier.forEach(function (n) {
        incident[n].forEach(function (i) {
          if (seen[i]) return;
          seen[i] = true;
          edges[i] = true;
          var other = R[i].s === n ? R[i].o : R[i].s;
          if (!nodes[other]) { nodes[other] = true; next.push(other); }
        });
      });
      frontier = next;
    }
    return Object.keys(edges).map(Number).sort(function (a, b) { return a - b; });
  }

  // A node's element: its size fits its label (wrapped at about 96 px of 10 px type).
  function nodeElement(n, classes) {
    var e = E[n], k = kindById[e.kind];
    var chars = e.label.length, lines = Math.ceil(chars * 5.6 / 96);
    return { group: 'nodes', classes: classes || '',
      data: { id: 'n' + n, label: e.label, shape: k.shape, fill: k.fill, border: k.border, entity: +n,
        w: Math.min(96, chars * 5.6) + 16, h: lines * 12 + 12 } };
  }

  function edgeLabel(r) {
    var p = P[r.p];
    return p.label + (r.human ? ' · ' + r.human : '');
  }

  // Concentric rings around the focus: nearer entities inside, and a ring holds a few more
  // entities than the one inside it, so a hub's many neighbours do not shrink to dots on one circle.
  function rings(edges) {
    var dist = {}, adj = {};
    edges.forEach(function (i) {
      var r = R[i];
      (adj[r.s] = adj[r.s] || []).push(r.o);
      (adj[r.o] = adj[r.o] || []).push(r.s);
    });
    dist[state.focus] = 0;
    var queue = [state.focus], levels = [[state.focus]];
    while (queue.length) {
      var n = queue.shift();
      (adj[n] || []).forEach(function (m) {
        if (m in dist) return;
        dist[m] = dist[n] + 1;
        (levels[dist[m]] = levels[dist[m]] || []).push(m);
        queue.push(m);
      });
    }
    var kindOrder = {};
    DATA.kinds.forEach(function (k, i) { kindOrder[k.id] = i; });
    var ringOf = {}, ring = 0;
    levels.forEach(function (level) {
      level.sort(function (a, b) { return kindOrder[E[a].kind] - kindOrder[E[b].kind] || E[a].label.localeCompare(E[b].label); });
      var capacity = 0, used = 0;
      level.forEach(function (n) {
        if (used === capacity) { ring++; capacity = ring === 1 ? 1 : 6 + 6 * ring; used = 0; }
        ringOf[n] = ring;
        used++;
      });
    });
    return ringOf;
  }

  // Builds the drawing of the current view and lays it out once: the time slider then only hides
  // and shows elements, so nothing moves while it is dragged.
  function rebuild() {
    var edges = viewEdges();
    var sampled = edges.length > DRAW_LIMIT;
    if (state.focus === null && sampled) {
      cy.elements().remove();
      state.view = { edges: [], nodes: {} };
      message('This graph has ' + R.length + ' relations; the page draws at most ' + DRAW_LIMIT +
        ' at once. Search for an entity to see its neighbourhood.');
      applyFilters();
      return;
    }
    if (sampled) edges = edges.slice(0, DRAW_LIMIT);
    var nodes = {};
    if (state.focus !== null) nodes[state.focus] = true;
    edges.forEach(function (i) { nodes[R[i].s] = true; nodes[R[i].o] = true; });
    var elements = [];
    Object.keys(nodes).forEach(function (n) { elements.push(nodeElement(+n, +n === state.focus ? 'focus' : '')); });
    edges.forEach(function (i) {
      var r = R[i];
      elements.push({ group: 'edges', data: { id: 'e' + i, source: 'n' + r.s, target: 'n' + r.o, label: edgeLabel(r), relation: i },
        classes: (P[r.p].symmetric ? 'symmetric' : '') + (disagreementsOf[i].length ? ' disputed' : '') +
          (state.focus === null ? ' quiet' : '') });
    });
    cy.elements().remove();
    cy.add(elements);
    state.view = { edges: edges, nodes: nodes };
    var layout = state.focus === null
      ? { name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return 60000; }, idealEdgeLength: function () { return 120; }, nodeOverlap: 20, gravity: 0.6, numIter: 2000 }
      : { name: 'concentric', animate: false, minNodeSpacing: 10, startAngle: Math.PI / 2,
          concentric: function (n) { return -ringOf[n.data('entity')]; }, levelWidth: function () { return 1; } };
    var ringOf = state.focus === null ? {} : rings(edges);
    cy.layout(layout).run();
    message(sampled ? 'Showing ' + DRAW_LIMIT + ' of ' + viewEdges().length + ' relations around ' +
      E[state.focus].label + '; narrow with the time, kind or predicate filters.' : '');
    applyFilters();
    fitVisible();
  }

  // What passes the filters (`certainty`: relation index -> certainty or null): in a
  // neighbourhood, what is reachable from the focus within the depth through relations that pass;
  // in the whole graph, every passing relation and its ends. Returns {edges, nodes} as sets.
  function reach(certainty) {
    var shownEdges = {}, shownNodes = {};
    if (state.focus === null) {
      state.view.edges.forEach(function (i) {
        if (certainty[i]) { shownEdges[i] = true; shownNodes[R[i].s] = true; shownNodes[R[i].o] = true; }
      });
    } else if (state.kinds[E[state.focus].kind]) {
      shownNodes[state.focus] = true;
      var frontier = [state.focus];
      for (var d = 0; d < state.depth; d++) {
        var next = [];
        frontier.forEach(function (n) {
          incident[n].forEach(function (i) {
            if (!(i in certainty) || !certainty[i]) return;
            shownEdges[i] = true;
            var other = R[i].s === n ? R[i].o : R[i].s;
            if (!shownNodes[other]) { shownNodes[other] = true; next.push(other); }
          });
        });
        frontier = next;
      }
    }
    return { edges: shownEdges, nodes: shownNodes };
  }

  // Shows what passes the filters, marked by certainty, and counts it in the status.
  function applyFilters() {
    var certainty = {};
    var counts = { definite: 0, possible: 0, undated: 0 };
    state.view.edges.forEach(function (i) { certainty[i] = passes(i); });
    var shown = reach(certainty);
    var shownEdges = shown.edges, shownNodes = shown.nodes;
    // What "undated too" would add: the undated relations the time filter left out of this view
    // (as `neighbors --at` counts them).
    var leftOut = 0;
    if (leavesOutUndated(state.time, state.certain, state.dated, state.undated)) {
      var withUndated = {};
      state.view.edges.forEach(function (i) { withUndated[i] = passes(i, true); });
      var more = reach(withUndated).edges;
      Object.keys(more).forEach(function (i) { if (withUndated[i] === 'undated') leftOut++; });
    }
    cy.batch(function () {
      cy.nodes().forEach(function (n) { n.toggleClass('hidden', !shownNodes[n.data('entity')]); });
      cy.edges().forEach(function (e) {
        var i = e.data('relation'), c = certainty[i];
        var shown = !!shownEdges[i];
        e.toggleClass('hidden', !shown);
        e.toggleClass('possible', c === 'possible');
        e.toggleClass('undated', c === 'undated');
        if (shown) counts[c]++;
      });
    });
    var where = state.focus === null ? 'whole graph' : E[state.focus].label;
    var when = state.time === null ? 'any time' : (state.time.at ? 'as of ' : 'within ') + state.timeText;
    el('status').textContent = where + ', ' + when + ': ' + counts.definite + ' definite, ' +
      counts.possible + ' possible, ' + counts.undated + ' undated' +
      (leftOut ? ' (' + leftOut + ' undated left out: nothing dates them to the time asked; tick “undated too” to include them)' : '');
    el('status').dataset.leftOut = leftOut;
    el('status').dataset.definite = counts.definite;
    el('status').dataset.possible = counts.possible;
    el('status').dataset.undated = counts.undated;
    markPath();
    refreshDetails();
  }

  // Redraws the details panel for the new filters: the relation or entity it shows, else the focus.
  function refreshDetails() {
    var box = el('details');
    if (box.dataset.relation) {
      var i = R.findIndex(function (r) { return r.id === box.dataset.relation; });
      if (i >= 0) { showRelation(i); return; }
    }
    var n = box.dataset.entity ? E.findIndex(function (e) { return e.id === box.dataset.entity; }) : state.focus;
    if (n !== null && n >= 0) showEntity(n);
  }

  // After a filter is settled (not while the slider is dragged): a neighbourhood is laid out
  // again in rings of what is shown, moving smoothly so a reader keeps their bearings; the whole
  // graph keeps its positions and is zoomed to what is shown.
  function fitVisible() {
    var shown = cy.elements(':visible');
    if (shown.empty()) return;
    if (state.focus === null || !state.view.nodes[state.focus]) {
      cy.fit(shown, 40);
      return;
    }
    var ringOf = rings(shown.edges().map(function (e) { return e.data('relation'); }));
    shown.layout({ name: 'concentric', animate: !FAST, animationDuration: 300, fit: true, padding: 40,
      minNodeSpacing: 10, startAngle: Math.PI / 2, concentric: function (n) { return -ringOf[n.data('entity')]; },
      levelWidth: function () { return 1; } }).run();
  }

  // ---- Details ----
  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function safeLink(url, text) {
    return /^https?:\/\//i.test(url) ? h('a', { href: url, rel: 'noreferrer', target: '_blank', text: text || url }) : h('span', { text: url });
  }

  function certaintyBadge(c) {
    return c ? h('span', { class: 'certainty ' + c, text: c }) : h('span', { class: 'certainty', text: 'filtered out' });
  }

  function relationLine(i, from) {
    var r = R[i], p = P[r.p];
    var forward = from === undefined || r.s === from || p.symmetric;
    var other = from === undefined ? null : r.s === from ? r.o : r.s;
    var text = from === undefined
      ? E[r.s].label + ' —' + p.label + '→ ' + E[r.o].label
      : (forward ? p.label : p.inverse) + ' ' + E[other].label;
    return text + (r.human ? ' (' + r.human + ')' : ' (undated)');
  }

  // When a relation begins, for ordering lists: open starts first, undated last.
  function firstDay(r) {
    return Array.isArray(r.start) ? r.start[0] : r.start === 'open' ? -1e9 : Array.isArray(r.end) ? r.end[0] : 1e9;
  }

  function showEntity(n) {
    var e = E[n], box = el('details');
    box.textContent = '';
    box.dataset.entity = e.id;
    delete box.dataset.relation;
    box.appendChild(h('h2', { text: e.label }));
    box.appendChild(h('p', { class: 'muted', text: kindById[e.kind].title + ' · ' + e.id }));
    if (e.aliases.length) box.appendChild(h('p', { text: 'Also: ' + e.aliases.join(', ') }));
    if (e.description) box.appendChild(h('p', { text: e.description }));
    e.same_as.forEach(function (u) { box.appendChild(h('p', {}, [safeLink(u)])); });
    var list = h('ul', { id: 'relation-list' });
    var order = { definite: 0, possible: 1, undated: 2 };
    incident[n].map(function (i) { return [i, passes(i)]; }).filter(function (x) { return x[1]; })
      .sort(function (a, b) { return order[a[1]] - order[b[1]] || firstDay(R[a[0]]) - firstDay(R[b[0]]) || a[0] - b[0]; })
      .forEach(function (x) {
        list.appendChild(h('li', { 'data-relation': R[x[0]].id, onclick: function () { selectRelation(x[0]); } },
          [relationLine(x[0], n), x[1] !== 'definite' ? certaintyBadge(x[1]) : null]));
      });
    box.appendChild(h('h3', { text: list.children.length + ' relations' + (state.time ? ' ' + (state.time.at ? 'as of ' : 'within ') + state.timeText : '') }));
    box.appendChild(list);
  }

  function showRelation(i) {
    var r = R[i], p = P[r.p], box = el('details');
    box.textContent = '';
    box.dataset.relation = r.id;
    delete box.dataset.entity;
    box.appendChild(h('h2', { text: relationLine(i) }));
    var c = passes(i);
    box.appendChild(h('p', {}, [
      'Date: ', h('strong', { id: 'relation-date', text: r.date === null ? 'not given' : r.human + ' (EDTF ' + r.date + ')' }),
      ' · ', p.temporal === 'event' ? 'an event' : 'a state (holds over time)',
      state.time ? h('span', {}, [' · ' + (state.time.at ? 'as of ' : 'within ') + state.timeText + ':', certaintyBadge(c)]) : null,
    ]));
    if (p.description) box.appendChild(h('p', { class: 'muted', text: p.label + ': ' + p.description }));
    disagreementsOf[i].forEach(function (d) {
      var dis = DATA.disagreements[d];
      var div = h('div', { class: 'disagreement' }, [h('strong', { text: 'Sources disagree about ' + (dis.about === 'dates' ? 'the date' : dis.about === 'polarity' ? 'whether it happened' : 'the figures') + (dis.scope === 'within_one_source' ? ' (within one source)' : '') + ':' })]);
      var ul = h('ul');
      dis.versions.forEach(function (v) {
        var who = v.claims.map(function (cl) { return S[R[cl[0]].evidence[cl[1]][0]].title + ' (“' + cl[2] + '”)'; });
        ul.appendChild(h('li', {}, [h('strong', { text: v.value }), ': ' + who.join('; ')]));
      });
      div.appendChild(ul);
      box.appendChild(div);
    });
    box.appendChild(h('h3', { text: r.evidence.length === 1 ? 'Source' : r.evidence.length + ' sources' }));
    r.evidence.forEach(function (ev) {
      var s = S[ev[0]];
      box.appendChild(h('div', { class: 'evidence' }, [
        h('div', {}, [h('strong', { text: s.title })]),
        h('div', { class: 'muted', text: s.publisher + (s.published ? ', ' + s.published : '') }),
        s.url ? h('div', {}, [safeLink(s.url)]) : null,
        // A click on the quote opens the source scrolled to it, highlighted (a text fragment).
        ev[3] && /^https?:\/\//i.test(ev[3])
          ? h('blockquote', { class: 'quote' }, [h('a', { href: ev[3], rel: 'noreferrer', target: '_blank', title: 'Open the source at this quote', text: ev[1] })])
          : h('blockquote', { class: 'quote', text: ev[1] }),
        ev[4] ? h('div', { class: 'muted link-caveat', text: ev[4] }) : null,
        ev[2] ? h('div', { class: 'note', text: 'Note: ' + ev[2] }) : null,
      ]));
    });
    box.appendChild(h('p', { class: 'muted', text: r.id }));
  }

  function selectRelation(i) {
    cy.$(':selected').unselect();
    var edge = cy.getElementById('e' + i);
    if (edge.nonempty()) edge.select();
    showRelation(i);
  }

  // ---- Paths ----
  // Fewest hops over the relations that pass the filters, either direction.
  function plainPath(from, to) {
    var prev = {}, seen = {}, queue = [from];
    seen[from] = true;
    while (queue.length) {
      var n = queue.shift();
      if (n === to) break;
      incident[n].forEach(function (i) {
        if (!passes(i)) return;
        var other = R[i].s === n ? R[i].o : R[i].s;
        if (seen[other]) return;
        seen[other] = true;
        prev[other] = [n, i];
        queue.push(other);
      });
    }
    return seen[to] ? walkBack(prev, from, to) : null;
  }

  // Chronological: relations whose dates do not go backwards, earliest arrival first (the clock
  // of src/query/clock.rs read at its most favourable: a hop may be taken on any day its date
  // allows; undated hops leave the clock as it is). `path --chronological` on the command line
  // also ranks alternatives and tells how surely each hop is in order.
  function chronologicalPath(from, to) {
    var start = state.time && state.time.q0 !== null ? state.time.q0 : -Infinity;
    var best = {}, prev = {}, done = {};
    best[from] = start;
    while (true) {
      var n = null;
      Object.keys(best).forEach(function (k) {
        k = +k;
        if (!done[k] && (n === null || best[k] < best[n])) n = k;
      });
      if (n === null || n === to) break;
      done[n] = true;
      var clock = best[n];
      incident[n].forEach(function (i) {
        if (!passes(i)) return;
        var r = R[i], other = r.s === n ? r.o : r.s;
        if (done[other]) return;
        var next;
        // Undated relations have no place in time: journeys take them only when asked (--undated).
        if (r.date === null && !state.undated) return;
        if (r.date === null) next = clock;
        else {
          var s = r.start, e = r.end;
          var end = Array.isArray(e) ? e[1] : e === 'open' ? state.today : Infinity;
          if (end < clock) return;
          next = Math.max(clock, Array.isArray(s) ? s[0] : -Infinity);
        }
        if (!(other in best) || next < best[other]) { best[other] = next; prev[other] = [n, i]; }
      });
    }
    return done[to] || (to in best && n === to) ? walkBack(prev, from, to) : null;
  }

  function walkBack(prev, from, to) {
    var nodes = [to], edges = [];
    for (var n = to; n !== from; n = prev[n][0]) { edges.unshift(prev[n][1]); nodes.unshift(prev[n][0]); }
    return { nodes: nodes, edges: edges };
  }

  function markPath() {
    cy.elements().removeClass('path faded');
    if (!state.path) return;
    cy.elements().addClass('faded');
    state.path.nodes.forEach(function (n) { cy.getElementById('n' + n).removeClass('faded').addClass('path'); });
    state.path.edges.forEach(function (i) { cy.getElementById('e' + i).removeClass('faded hidden').addClass('path'); });
    state.path.nodes.forEach(function (n) { cy.getElementById('n' + n).removeClass('hidden'); });
  }

  function findPath() {
    var from = resolve(el('path-from').value), to = resolve(el('path-to').value);
    var out = el('path-result');
    out.textContent = '';
    state.path = null;
    if (from === null || to === null) {
      out.appendChild(h('li', { text: 'No entity is named “' + (from === null ? el('path-from').value : el('path-to').value) + '”.' }));
      markPath();
      return;
    }
    var mode = document.querySelector('input[name=path-mode]:checked').value;
    var path = mode === 'plain' ? plainPath(from, to) : chronologicalPath(from, to);
    if (!path) {
      out.appendChild(h('li', { class: 'none', text: 'No ' + (mode === 'plain' ? '' : 'chronological ') + 'path from ' + E[from].label + ' to ' + E[to].label + ' under the current filters.' }));
      markPath();
      return;
    }
    state.path = path;
    // The path must be drawn: stay in the view if it holds the path, else show the whole graph
    // (or only the path, when the whole graph is too large to draw).
    var inView = path.edges.every(function (i) { return cy.getElementById('e' + i).nonempty(); });
    if (!inView) {
      state.focus = null;
      if (R.length > DRAW_LIMIT) {
        cy.elements().remove();
        var nodes = {};
        path.nodes.forEach(function (n) { nodes[n] = true; });
        state.view = { edges: path.edges.slice(), nodes: nodes };
        cy.add(path.nodes.map(function (n) { return nodeElement(n); }).concat(path.edges.map(function (i) {
          var r = R[i];
          return { group: 'edges', data: { id: 'e' + i, source: 'n' + r.s, target: 'n' + r.o, label: edgeLabel(r), relation: i } };
        })));
        cy.layout({ name: 'breadthfirst', animate: false }).run();
        message('Showing only the path: the whole graph is too large to draw.');
        applyFilters();
      } else {
        rebuild();
      }
    } else {
      markPath();
    }
    path.edges.forEach(function (i, k) {
      out.appendChild(h('li', { 'data-relation': R[i].id, onclick: function () { selectRelation(i); } },
        [relationLine(i, path.nodes[k]), certaintyBadge(passes(i))]));
    });
    cy.fit(cy.elements('.path'), 60);
  }

  // ---- Controls ----
  function focusOn(n) {
    state.focus = n;
    state.path = null;
    el('path-result').textContent = '';
    el('search').value = E[n].label;
    el('search-results').textContent = '';
    rebuild();
    showEntity(n);
  }

  el('search').addEventListener('input', function () {
    var list = el('search-results');
    list.textContent = '';
    search(this.value).slice(0, 30).forEach(function (hit) {
      var e = E[hit.entity];
      list.appendChild(h('li', { role: 'option', 'data-id': e.id, onclick: function () { focusOn(hit.entity); } },
        [e.label, hit.name !== e.label ? h('span', { class: 'kind', text: ' (' + hit.name + ')' }) : null,
          h('span', { class: 'kind', text: ' · ' + e.kind })]));
    });
  });
  el('search').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { var hit = search(this.value)[0]; if (hit) focusOn(hit.entity); }
    if (ev.key === 'Escape') el('search-results').textContent = '';
  });
  el('depth').addEventListener('change', function () { state.depth = +this.value; if (state.focus !== null) rebuild(); });
  el('whole').addEventListener('click', function () { state.focus = null; state.path = null; el('path-result').textContent = ''; rebuild(); });

  var first = DATA.years[0], last = Math.max(DATA.years[1], new Date().getUTCFullYear());
  el('slider').min = first;
  el('slider').max = last;
  el('slider').value = Math.min(last, Math.max(first, 2005));
  el('slider').disabled = true;

  function setTime(text) {
    if (text === null) {
      state.time = null;
      state.timeText = '';
    } else {
      var q = parseFilter(text);
      if (!q) {
        el('date').setCustomValidity('use YYYY, YYYY-MM, YYYY-MM-DD or FROM/UNTIL');
        el('date').reportValidity();
        return;
      }
      el('date').setCustomValidity('');
      state.time = q;
      state.timeText = text.trim();
    }
    el('time-on').checked = state.time !== null;
    el('slider').disabled = state.time === null;
    applyFilters();
  }
  el('time-on').addEventListener('change', function () {
    setTime(this.checked ? (el('date').value.trim() || el('slider').value) : null);
    if (this.checked && !el('date').value.trim()) el('date').value = el('slider').value;
  });
  el('slider').addEventListener('input', function () { el('date').value = this.value; setTime(this.value); });
  // Zoom only when the slider is let go: while it is dragged nothing moves.
  el('slider').addEventListener('change', fitVisible);
  el('date').addEventListener('change', function () {
    if (this.value.trim() === '') { setTime(null); return; }
    var y = /^(\d{4})/.exec(this.value.trim());
    if (y && this.value.indexOf('/') < 0) el('slider').value = y[1];
    setTime(this.value);
    fitVisible();
  });
  el('certain').addEventListener('change', function () { state.certain = this.checked; applyFilters(); fitVisible(); });
  el('undated').addEventListener('change', function () { state.undated = this.checked; applyFilters(); fitVisible(); });
  el('dated').addEventListener('change', function () { state.dated = this.checked; applyFilters(); fitVisible(); });

  // Kinds: a checkbox per kind, which is also the legend of node colours.
  DATA.kinds.forEach(function (k) {
    var box = h('input', { type: 'checkbox', 'data-kind': k.id });
    box.checked = true;
    box.addEventListener('change', function () { state.kinds[k.id] = this.checked; applyFilters(); });
    var count = E.filter(function (e) { return e.kind === k.id; }).length;
    el('kinds').appendChild(h('label', {}, [box, h('span', { class: 'swatch', style: 'background:' + k.fill + ';border-color:' + k.border }), k.title + ' (' + count + ')']));
  });
  var used = P.map(function () { return 0; });
  R.forEach(function (r) { used[r.p]++; });
  P.forEach(function (p, i) {
    if (!used[i]) return;
    var box = h('input', { type: 'checkbox', 'data-predicate': p.id });
    box.checked = true;
    box.addEventListener('change', function () { state.predicates[i] = this.checked; applyFilters(); });
    el('predicates').appendChild(h('label', { title: p.description }, [box, p.label + ' (' + used[i] + ')']));
  });
  function allPredicates(on) {
    el('predicates').querySelectorAll('input').forEach(function (b) { b.checked = on; });
    P.forEach(function (p, i) { state.predicates[i] = on; });
    applyFilters();
  }
  el('predicates-all').addEventListener('click', function () { allPredicates(true); });
  el('predicates-none').addEventListener('click', function () { allPredicates(false); });
  [['definite', 'definite: the dates settle it (or no time filter)'],
    ['possible', 'possible: the dates allow it (imprecise, approximate or uncertain, or an unknown end)'],
    ['undated', 'undated: no date given'],
    ['disputed', 'sources disagree about it (red)'],
    ['path', 'a path found']].forEach(function (x) {
    el('legend').appendChild(h('div', {}, [h('span', { class: 'line ' + x[0] }), x[1]]));
  });
  el('legend').appendChild(h('p', { class: 'muted', text: 'Arrows point from subject to object; symmetric relations have none. Node colours: see Kinds.' }));

  var datalist = el('names');
  E.forEach(function (e) { datalist.appendChild(h('option', { value: e.label })); });

  el('path-find').addEventListener('click', findPath);
  el('path-clear').addEventListener('click', function () { state.path = null; el('path-result').textContent = ''; markPath(); applyFilters(); });

  cy.on('tap', 'node', function (ev) { showEntity(ev.target.data('entity')); });
  cy.on('tap', 'edge', function (ev) { showRelation(ev.target.data('relation')); });
  cy.on('dbltap', 'node', function (ev) { focusOn(ev.target.data('entity')); });

  // For tests and the curious: the certainty rule and the state.
  window.diplograph = {
    data: DATA,
    cy: cy,
    state: state,
    parseFilter: parseFilter,
    // `flags`: "" or any of "certain", "dated", "undated" (--certain, --dated-only, --undated).
    classify: function (relationId, filterText, todayDay, flags) {
      var i = R.findIndex(function (r) { return r.id === relationId; });
      var q = filterText === null ? null : parseFilter(filterText);
      var f = (flags || '').split(' ');
      return classify(R[i], q, todayDay, f.indexOf('certain') >= 0, f.indexOf('dated') >= 0, f.indexOf('undated') >= 0);
    },
    // A span written as in the data ({start, end, point}), against a filter.
    classifySpan: function (span, filterText, todayDay) {
      return classifySpan(span, parseFilter(filterText), todayDay);
    },
  };

  rebuild();
})();
