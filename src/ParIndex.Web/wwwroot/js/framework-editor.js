// Editor of a draft framework (/frameworks/{id}/edit). The page holds the draft's file; this script
// renders the tree as labelled inputs, validates the whole file through the API after every change
// (each problem shown at its node), autosaves with the revision it was loaded at (a stale edit gets
// the server's conflict message), checks formulas on sample inputs, and activates. Codes follow the
// tree: after a structural change (add, remove, move, indent) every node is renumbered.
(function () {
  'use strict';

  var METHODS = ['manual', 'levels', 'bands', 'ratio', 'expression', 'survey', 'bonus-penalty'];
  var KINDS = ['count', 'amount', 'percent', 'decimal'];

  // Decimals keep their text: the file's numbers are decimals, never binary floating point.
  function Num(raw) { this.raw = String(raw); }
  function num(value) { return value instanceof Num ? value : new Num(value === undefined || value === null ? '' : value); }

  function parse(text) {
    return JSON.parse(text, function (key, value, context) {
      return typeof value === 'number' ? new Num(context && context.source ? context.source : String(value)) : value;
    });
  }

  function serialize(value) {
    if (value instanceof Num) {
      var raw = value.raw.trim().replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(raw) ? raw : JSON.stringify(value.raw);
    }
    if (Array.isArray(value)) { return '[' + value.map(serialize).join(',') + ']'; }
    if (value && typeof value === 'object') {
      return '{' + Object.keys(value).filter(function (k) { return k[0] !== '_' && value[k] !== undefined; })
        .map(function (k) { return JSON.stringify(k) + ':' + serialize(value[k]); }).join(',') + '}';
    }
    return JSON.stringify(value);
  }

  function token() {
    var meta = document.querySelector('meta[name="xsrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function init() {
    var root = document.getElementById('fw-editor');
    if (!root || root.getAttribute('data-ready')) { return; }
    root.setAttribute('data-ready', 'true');
    var S = JSON.parse(root.getAttribute('data-strings'));
    var id = root.getAttribute('data-id');
    var revision = Number(root.getAttribute('data-revision'));
    var fw = parse(root.getAttribute('data-json'));
    var uid = 0;
    var saveTimer = null;
    var checkTimer = null;
    var dirty = false;
    var stale = false;
    var status = document.getElementById('fw-status');
    var tree = document.getElementById('fw-tree');
    var header = document.getElementById('fw-header');

    function say(text, problem) {
      status.textContent = text;
      status.classList.toggle('problem', !!problem);
    }

    function el(tag, attrs, children) {
      var e = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { e.setAttribute(k, attrs[k]); }
      });
      (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
      return e;
    }

    function field(label, value, onInput, opts) {
      opts = opts || {};
      var fid = 'f' + (++uid);
      var input = opts.multiline ? el('textarea', { id: fid, rows: 2, maxlength: opts.max || 4000 }) : el('input', { id: fid, type: 'text', inputmode: opts.numeric ? 'decimal' : null, maxlength: opts.max || 300 });
      input.value = value === undefined || value === null ? '' : (value instanceof Num ? value.raw : value);
      input.addEventListener('input', function () { onInput(input.value); changed(false); });
      return el('div', { class: 'fw-field' + (opts.numeric ? ' fw-number' : '') }, [el('label', { for: fid, text: label }), input]);
    }

    function select(label, value, options, onChange) {
      var fid = 'f' + (++uid);
      var s = el('select', { id: fid });
      options.forEach(function (o) { var opt = el('option', { value: o, text: S['method.' + o] || S['kind.' + o] || o }); if (o === value) { opt.selected = true; } s.appendChild(opt); });
      s.addEventListener('change', function () { onChange(s.value); });
      return el('div', { class: 'fw-field' }, [el('label', { for: fid, text: label }), s]);
    }

    function button(text, label, onClick) {
      var b = el('button', { type: 'button', 'aria-label': label, title: label, text: text });
      b.addEventListener('click', onClick);
      return b;
    }

    // ---- structure --------------------------------------------------------------------------
    function renumber(nodes, prefix) {
      nodes.forEach(function (n, i) {
        n.code = (prefix ? prefix + '.' : '') + (i + 1);
        if (n.children && n.children.length) { renumber(n.children, n.code); } else { delete n.children; }
      });
    }

    function parentList(target, nodes) {
      nodes = nodes || fw.nodes;
      for (var i = 0; i < nodes.length; i++) {
        if (nodes[i] === target) { return { list: nodes, index: i }; }
        if (nodes[i].children) { var found = parentList(target, nodes[i].children); if (found) { found.parent = found.parent || nodes[i]; return found; } }
      }
      return null;
    }

    function structural(focusNode, action) {
      renumber(fw.nodes, '');
      render();
      changed(true);
      var target = focusNode && document.querySelector('[data-uid="' + focusNode._uid + '"] [data-action="' + action + '"]');
      if (target) { target.focus(); }
    }

    function newNode() { return { code: '', title: S.newTitle, max: new Num('0'), rule: { method: 'manual' } }; }

    function act(node, action) {
      var at = parentList(node);
      if (!at) { return; }
      var list = at.list, i = at.index;
      if (action === 'up' && i > 0) { list.splice(i - 1, 0, list.splice(i, 1)[0]); }
      else if (action === 'down' && i < list.length - 1) { list.splice(i + 1, 0, list.splice(i, 1)[0]); }
      else if (action === 'indent' && i > 0) {
        var prev = list[i - 1];
        list.splice(i, 1);
        prev.children = prev.children || [];
        delete prev.rule;
        prev.children.push(node);
      } else if (action === 'outdent' && at.parent) {
        var up = parentList(at.parent);
        list.splice(i, 1);
        up.list.splice(up.index + 1, 0, node);
        if (!list.length) { delete at.parent.children; at.parent.rule = { method: 'manual' }; }
      } else if (action === 'child') {
        node.children = node.children || [];
        delete node.rule;
        node.children.push(newNode());
      } else if (action === 'sibling') { list.splice(i + 1, 0, newNode()); }
      else if (action === 'remove') {
        if (!window.confirm(S.confirmRemove.replace('{0}', node.code + ' ' + node.title))) { return; }
        list.splice(i, 1);
        if (!list.length && at.parent) { delete at.parent.children; at.parent.rule = { method: 'manual' }; }
      } else { return; }
      structural(node, action);
    }

    // ---- rules ------------------------------------------------------------------------------
    function defaultRule(method) {
      switch (method) {
        case 'levels': return { method: method, levels: [{ key: 'dat', label: S.levelMet, points: new Num('1') }, { key: 'khong-dat', label: S.levelNotMet, points: new Num('0') }] };
        case 'bands': return { method: method, inputLabel: 'Tỷ lệ (%)', bands: [{ from: new Num('90'), points: new Num('1') }, { to: new Num('90'), points: new Num('0') }] };
        case 'ratio': return { method: method, target: new Num('1'), numeratorLabel: 'Tử số', denominatorLabel: 'Mẫu số' };
        case 'expression': return { method: method, inputs: [{ name: 'a', label: 'Số liệu a' }], formula: 'max * min(1, a / 100)' };
        case 'bonus-penalty': return { method: method, min: new Num('-1'), max: new Num('0') };
        default: return { method: method };
      }
    }

    function figuresOf(rule) {
      if (rule.method === 'ratio') { return [{ name: 'numerator', label: rule.numeratorLabel || 'Tử số' }, { name: 'denominator', label: rule.denominatorLabel || 'Mẫu số' }]; }
      if (rule.method === 'bands') { return [{ name: 'value', label: rule.inputLabel || 'Tỷ lệ (%)' }]; }
      if (rule.method === 'expression') { return (rule.inputs || []).map(function (i) { return { name: i.name, label: i.label || i.name }; }); }
      return [];
    }

    function listEditor(items, columns, make, legend) {
      var box = el('fieldset', { class: 'fw-list' }, [el('legend', { text: legend })]);
      items.forEach(function (item, i) {
        var row = el('div', { class: 'fw-row' });
        columns.forEach(function (c) {
          if (c.kind) { row.appendChild(select(c.label, item[c.key] || c.kind[0], c.kind, function (v) { item[c.key] = v; changed(false); })); }
          else if (c.flag) {
            var fid = 'f' + (++uid);
            var box2 = el('input', { id: fid, type: 'checkbox' });
            box2.checked = !!item[c.key];
            box2.addEventListener('change', function () { if (box2.checked) { item[c.key] = true; } else { delete item[c.key]; } changed(false); });
            row.appendChild(el('div', { class: 'fw-field' }, [box2, el('label', { for: fid, text: c.label })]));
          } else {
            row.appendChild(field(c.label, item[c.key], function (v) { if (c.numeric) { if (v.trim() === '' && c.optional) { delete item[c.key]; } else { item[c.key] = new Num(v); } } else { item[c.key] = v; } }, { numeric: c.numeric }));
          }
        });
        row.appendChild(button('×', S.removeRow, function () { items.splice(i, 1); rerender(); }));
        box.appendChild(row);
      });
      box.appendChild(button('+ ' + S.addRow, S.addRow, function () { items.push(make()); rerender(); }));
      return box;
    }

    function ruleEditor(node) {
      var rule = node.rule || { method: 'manual' };
      var box = el('div', { class: 'fw-rule' });
      box.appendChild(select(S.method, rule.method, METHODS, function (m) { node.rule = defaultRule(m); rerender(); }));
      if (rule.method === 'levels') {
        box.appendChild(listEditor(rule.levels, [{ key: 'key', label: S.key }, { key: 'label', label: S.label }, { key: 'points', label: S.points, numeric: true }],
          function () { return { key: '', label: '', points: new Num('0') }; }, S['method.levels']));
      } else if (rule.method === 'bands') {
        box.appendChild(field(S.inputLabel, rule.inputLabel, function (v) { rule.inputLabel = v; }));
        box.appendChild(select(S.kind, rule.inputKind || 'percent', KINDS, function (v) { if (v === 'percent') { delete rule.inputKind; } else { rule.inputKind = v; } changed(false); }));
        box.appendChild(listEditor(rule.bands, [{ key: 'from', label: S.from, numeric: true, optional: true }, { key: 'fromExclusive', label: S.fromExclusive, flag: true },
          { key: 'to', label: S.to, numeric: true, optional: true }, { key: 'toInclusive', label: S.toInclusive, flag: true }, { key: 'points', label: S.points, numeric: true }],
          function () { return { points: new Num('0') }; }, S['method.bands']));
      } else if (rule.method === 'ratio') {
        box.appendChild(field(S.target, rule.target, function (v) { rule.target = new Num(v); }, { numeric: true }));
        box.appendChild(field(S.numerator, rule.numeratorLabel, function (v) { rule.numeratorLabel = v; }));
        box.appendChild(select(S.kind, rule.numeratorKind || 'count', KINDS, function (v) { if (v === 'count') { delete rule.numeratorKind; } else { rule.numeratorKind = v; } changed(false); }));
        box.appendChild(field(S.denominator, rule.denominatorLabel, function (v) { rule.denominatorLabel = v; }));
        box.appendChild(select(S.kind, rule.denominatorKind || 'count', KINDS, function (v) { if (v === 'count') { delete rule.denominatorKind; } else { rule.denominatorKind = v; } changed(false); }));
      } else if (rule.method === 'expression') {
        box.appendChild(listEditor(rule.inputs, [{ key: 'name', label: S.name }, { key: 'label', label: S.label }, { key: 'kind', label: S.kind, kind: ['decimal', 'count', 'amount', 'percent'] }],
          function () { return { name: '', label: '' }; }, S.inputs));
        box.appendChild(field(S.formula, rule.formula, function (v) { rule.formula = v; }, { max: 2000 }));
      } else if (rule.method === 'bonus-penalty') {
        box.appendChild(field(S.min, rule.min, function (v) { rule.min = new Num(v); }, { numeric: true }));
        box.appendChild(field(S.max, rule.max, function (v) { rule.max = new Num(v); }, { numeric: true }));
      }
      var figures = figuresOf(rule);
      if (figures.length) {
        var sample = node._sample = node._sample || {};
        var check = el('fieldset', { class: 'fw-check' }, [el('legend', { text: S.liveCheck })]);
        figures.forEach(function (f) { check.appendChild(field(f.label + ' (' + f.name + ')', sample[f.name], function (v) { sample[f.name] = v; }, { numeric: true })); });
        var memo = el('output', { class: 'fw-memo', 'aria-live': 'polite' });
        check.appendChild(button(S.evaluate, S.evaluate, async function () {
          var figuresValue = {};
          Object.keys(sample).forEach(function (k) { var v = String(sample[k]).trim().replace(',', '.'); if (v !== '') { figuresValue[k] = Number(v); } });
          var response = await fetch('/api/frameworks/check-leaf', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() },
            body: JSON.stringify({ json: serialize(fw), code: node.code, figures: figuresValue }) });
          var result = await response.json();
          memo.textContent = response.ok ? (result.error || result.memo || '') : (result.detail || result.title);
        }));
        check.appendChild(memo);
        box.appendChild(check);
      }
      return box;
    }

    // ---- rendering --------------------------------------------------------------------------
    function renderNode(node) {
      node._uid = node._uid || ++uid;
      var isLeaf = !node.children || !node.children.length;
      var li = el('li', { 'data-uid': node._uid, 'data-code': node.code, class: 'fw-node' });
      var tools = el('div', { class: 'fw-tools', role: 'group', 'aria-label': S.actionsFor.replace('{0}', node.code) });
      [['up', '↑', S.moveUp], ['down', '↓', S.moveDown], ['outdent', '←', S.outdent], ['indent', '→', S.indent], ['child', '+↳', S.addChild], ['sibling', '+', S.addSibling], ['remove', '×', S.remove]]
        .forEach(function (a) { var b = button(a[1], a[2] + ' ' + node.code, function () { act(node, a[0]); }); b.setAttribute('data-action', a[0]); tools.appendChild(b); });
      var box = el('fieldset', { class: 'fw-node-box' }, [
        el('legend', { text: node.code }),
        tools,
        field(S.title, node.title, function (v) { node.title = v; }, { max: 2000 }),
        field(S.maxLabel, node.max, function (v) { node.max = new Num(v); }, { numeric: true }),
        field(S.guidance, node.guidance, function (v) { if (v === '') { delete node.guidance; } else { node.guidance = v; } }, { multiline: true, max: 20000 }),
        isLeaf ? ruleEditor(node) : null,
        el('ul', { class: 'fw-problems problem', 'data-problems-for': node.code, role: 'status' })
      ]);
      li.appendChild(box);
      if (!isLeaf) { li.appendChild(el('ol', {}, node.children.map(renderNode))); }
      return li;
    }

    function renderHeader() {
      header.textContent = '';
      [['title', S.fwTitle], ['version', S.version], ['year', S.year], ['unitKind', S.unitKind], ['legalBasis', S.legalBasis]].forEach(function (h) {
        header.appendChild(field(h[1], fw[h[0]], function (v) {
          if (h[0] === 'year') { fw.year = new Num(v); } else if (h[0] === 'legalBasis') { fw.legalBasis = v === '' ? null : v; } else { fw[h[0]] = v; }
        }, { numeric: h[0] === 'year' }));
      });
      header.appendChild(el('ul', { class: 'fw-problems problem', 'data-problems-for': '', role: 'status' }));
    }

    function render() {
      tree.textContent = '';
      fw.nodes.forEach(function (n) { tree.appendChild(renderNode(n)); });
      var add = button('+ ' + S.addField, S.addField, function () { fw.nodes.push(newNode()); structural(null); });
      tree.appendChild(el('li', {}, [add]));
    }

    function rerender() { render(); changed(false); }

    // ---- validation, autosave, activation ----------------------------------------------------
    function changed(structure) {
      dirty = true;
      if (stale) { return; }
      say(S.unsaved);
      clearTimeout(checkTimer);
      checkTimer = setTimeout(validate, structure ? 0 : 300);
      clearTimeout(saveTimer);
      saveTimer = setTimeout(save, 1500);
    }

    function showProblems(problems) {
      document.querySelectorAll('[data-problems-for]').forEach(function (u) { u.textContent = ''; });
      var summary = document.getElementById('fw-problems');
      summary.textContent = '';
      problems.forEach(function (p) {
        var target = document.querySelector('ul[data-problems-for="' + CSS.escape(p.code) + '"]') || document.querySelector('ul[data-problems-for=""]');
        target.appendChild(el('li', { text: p.message }));
        summary.appendChild(el('li', {}, [el('strong', { text: p.code }), document.createTextNode(': ' + p.message)]));
      });
      document.getElementById('fw-problem-count').textContent = problems.length ? S.problemCount.replace('{0}', problems.length) : S.valid;
      document.querySelectorAll('.fw-node').forEach(function (li) {
        var own = li.querySelector(':scope > fieldset > ul[data-problems-for]');
        li.classList.toggle('has-problem', !!(own && own.children.length));
      });
    }

    async function validate() {
      var response = await fetch('/api/frameworks/validate', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() }, body: serialize(fw) });
      if (response.ok) { showProblems(await response.json()); }
    }

    async function save() {
      clearTimeout(saveTimer);
      if (!dirty || stale) { return !stale; }
      dirty = false;
      say(S.saving);
      var response = await fetch('/api/frameworks/' + id, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() },
        body: JSON.stringify({ revision: revision, json: serialize(fw) }) });
      var body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      if (response.ok) {
        revision = body.summary.revision;
        say(S.saved.replace('{0}', new Date().toLocaleTimeString('vi-VN')));
        return true;
      }
      dirty = true;
      if (response.status === 409) { stale = true; }
      var lines = [(body && (body.detail || body.title)) || ('HTTP ' + response.status)];
      if (body && body.errors) { Object.keys(body.errors).forEach(function (k) { lines.push(k + ': ' + body.errors[k].join(' ')); }); }
      say(lines.join(' '), true);
      return false;
    }

    document.getElementById('fw-save').addEventListener('click', function () { dirty = true; save(); });
    document.getElementById('fw-activate').addEventListener('click', async function () {
      if (dirty && !(await save())) { return; }
      var response = await fetch('/api/frameworks/' + id + '/activate', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() },
        body: JSON.stringify({ revision: revision }) });
      if (response.ok) { window.location.href = '/frameworks/' + id; return; }
      var body = await response.json();
      if (body.errors) { showProblems(Object.keys(body.errors).reduce(function (all, k) { return all.concat(body.errors[k].map(function (m) { return { code: k, message: m }; })); }, [])); }
      say(body.detail || body.title, true);
    });

    renderHeader();
    render();
    validate();
  }

  document.addEventListener('DOMContentLoaded', init);
  if (document.readyState !== 'loading') { init(); }
  if (window.Blazor && window.Blazor.addEventListener) {
    window.Blazor.addEventListener('enhancedload', init);
  } else {
    document.addEventListener('DOMContentLoaded', function () {
      if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', init); }
    });
  }
})();
