// Reads a figure the way Vietnamese staff type it, by its kind (count, amount, percent, decimal).
// The same rules as ParIndex.Core.Numbers.FigureNumbers on the server (ADR 0007); both are run
// against tests/Shared/figure-number-vectors.json, so change the three together.
// Loaded as a plain script in the page (window.ParIndexFigures) and as a module by node in tests.
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) { module.exports = factory(); } else { root.ParIndexFigures = factory(); }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var MAX_INTEGER_DIGITS = 15;
  var MAX_FRACTION_DIGITS = 10;
  var MAX_TEXT_LENGTH = 64;
  var MAX_ECHO = 40;
  var WHITESPACE = ' \t\r\n\u00A0\u202F';

  function trimWhitespace(text) {
    var start = 0;
    var end = text.length;
    while (start < end && WHITESPACE.indexOf(text[start]) >= 0) { start++; }
    while (end > start && WHITESPACE.indexOf(text[end - 1]) >= 0) { end--; }
    return text.substring(start, end);
  }

  function allDigits(text) { return /^[0-9]*$/.test(text); }

  function isLeadingGroup(group) { return group.length >= 1 && group.length <= 3 && group[0] !== '0' && allDigits(group); }

  function grouped(text, separator) {
    var groups = text.split(separator);
    if (!isLeadingGroup(groups[0])) { return null; }
    for (var i = 1; i < groups.length; i++) {
      if (groups[i].length !== 3 || !allDigits(groups[i])) { return null; }
    }
    return groups.join('');
  }

  function count(text, c) { return text.split(c).length - 1; }

  function fail(error, vi, en) { return { ok: false, error: error, message: vi, messageEn: en }; }

  function notANumber(echo) {
    return fail('notANumber', '"' + echo + '" không phải là số hợp lệ.', '"' + echo + '" is not a valid number.');
  }

  function notWhole(echo) {
    return fail('notWhole',
      '"' + echo + '" không phải là số nguyên. Ô này chỉ nhận số nguyên; dấu chấm, dấu phẩy hoặc dấu cách chỉ dùng để tách hàng nghìn (ví dụ 14.000).',
      '"' + echo + '" is not a whole number. This field takes whole numbers only; a dot, comma or space only separates thousands (e.g. 14.000).');
  }

  function tooLong(echo) {
    return fail('tooLong',
      '"' + echo + '" có quá nhiều chữ số (tối đa ' + MAX_INTEGER_DIGITS + ' chữ số phần nguyên và ' + MAX_FRACTION_DIGITS + ' chữ số phần thập phân).',
      '"' + echo + '" has too many digits (at most ' + MAX_INTEGER_DIGITS + ' before the decimal mark and ' + MAX_FRACTION_DIGITS + ' after it).');
  }

  function ambiguous(echo, mark, integer, fraction) {
    var trimmed = fraction.replace(/0+$/, '');
    var asDecimal = trimmed.length === 0 ? integer : integer + ',' + trimmed;
    var asWhole = integer + fraction;
    var suggestion = integer + ',' + (trimmed.length === 0 ? '0' : trimmed.length === 3 ? trimmed + '0' : trimmed);
    return fail('ambiguous',
      '"' + echo + '" không rõ nghĩa: có thể là ' + asDecimal + ' (dấu "' + mark + '" là dấu thập phân) hoặc ' + asWhole +
        ' (dấu "' + mark + '" tách hàng nghìn). Hãy viết ' + asWhole + ' nếu là số nguyên, hoặc ' + suggestion + ' nếu là số thập phân.',
      '"' + echo + '" is ambiguous: it could be ' + asDecimal + ' ("' + mark + '" as the decimal mark) or ' + asWhole +
        ' ("' + mark + '" separating thousands). Write ' + asWhole + ' for the whole number or ' + suggestion + ' for the decimal.');
  }

  function isWhole(kind) { return kind === 'count' || kind === 'amount'; }

  // Thousands dots, decimal comma, no trailing zeros; a percent ends with %.
  function display(negative, integer, fraction, kind) {
    var digits = integer.replace(/^0+/, '') || '0';
    var decimals = fraction.replace(/0+$/, '');
    var text = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (decimals ? ',' + decimals : '');
    return (negative ? '-' : '') + text + (kind === 'percent' ? '%' : '');
  }

  /**
   * Reads text as a figure of this kind. Returns {ok: true, value (Number), canonical ("-1234.5"),
   * display ("-1.234,5")} or {ok: false, error, message (Vietnamese), messageEn}.
   */
  function read(text, kind) {
    var t = trimWhitespace(text == null ? '' : String(text));
    if (t.length === 0) { return fail('empty', 'Chưa nhập số.', 'No number was entered.'); }
    var echo = t.length > MAX_ECHO ? t.substring(0, MAX_ECHO) + '…' : t;
    if (t.length > MAX_TEXT_LENGTH) { return tooLong(echo); }

    var body = t;
    if (kind === 'percent' && body[body.length - 1] === '%') {
      body = trimWhitespace('x' + body.substring(0, body.length - 1)).substring(1); // trims the end only
    }

    var negative = false;
    if (body.length > 0 && (body[0] === '+' || body[0] === '-')) {
      negative = body[0] === '-';
      body = body.substring(1);
    }

    var normalized = '';
    for (var i = 0; i < body.length; i++) {
      var c = body[i];
      if (c === '\u00A0' || c === '\u202F' || c === ' ') { normalized += ' '; } else if ((c >= '0' && c <= '9') || c === '.' || c === ',') { normalized += c; } else { return notANumber(echo); }
    }
    body = normalized;
    if (body.length === 0) { return notANumber(echo); }

    var integer;
    var fraction = '';
    var separators;
    if (isWhole(kind)) {
      separators = [];
      for (var j = 0; j < body.length; j++) {
        if ((body[j] === '.' || body[j] === ',' || body[j] === ' ') && separators.indexOf(body[j]) < 0) { separators.push(body[j]); }
      }
      var joined = separators.length === 1 ? grouped(body, separators[0]) : null;
      if (separators.length === 0) {
        integer = body;
      } else if (joined !== null) {
        integer = joined;
      } else {
        var onlySpaces = separators.every(function (s) { return s === ' '; });
        return onlySpaces ? notANumber(echo) : notWhole(echo);
      }
    } else {
      var dots = count(body, '.');
      var commas = count(body, ',');
      var groupMark = null;
      var at;
      if (dots > 0 && commas > 0) {
        var decimalMark = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
        if ((decimalMark === '.' ? dots : commas) !== 1) { return notANumber(echo); }
        groupMark = decimalMark === '.' ? ',' : '.';
        at = body.indexOf(decimalMark);
        integer = body.substring(0, at);
        fraction = body.substring(at + 1);
      } else if (dots + commas === 1) {
        var mark = dots === 1 ? '.' : ',';
        at = body.indexOf(mark);
        integer = body.substring(0, at);
        fraction = body.substring(at + 1);
        if (isLeadingGroup(integer) && fraction.length === 3 && allDigits(fraction)) { return ambiguous(echo, mark, integer, fraction); }
      } else {
        groupMark = dots > 1 ? '.' : commas > 1 ? ',' : null;
        integer = body;
      }

      if (fraction.length === 0 && (dots + commas === 1 || (dots > 0 && commas > 0))) { return notANumber(echo); }
      if (!allDigits(fraction)) { return notANumber(echo); }
      separators = [];
      for (var k = 0; k < integer.length; k++) {
        if ((integer[k] === ' ' || integer[k] === groupMark) && separators.indexOf(integer[k]) < 0) { separators.push(integer[k]); }
      }
      if (separators.length > 1) { return notANumber(echo); }
      if (separators.length === 1) {
        var joinedInteger = grouped(integer, separators[0]);
        if (joinedInteger === null) { return notANumber(echo); }
        integer = joinedInteger;
      } else if (integer.length === 0 || !allDigits(integer)) {
        return notANumber(echo);
      }
    }

    var significant = integer.replace(/^0+/, '');
    if (significant.length > MAX_INTEGER_DIGITS || fraction.length > MAX_FRACTION_DIGITS) { return tooLong(echo); }
    var decimals = fraction.replace(/0+$/, '');
    var zero = significant.length === 0 && decimals.length === 0;
    if (negative && !zero && kind === 'count') {
      return fail('negative', '"' + echo + '": số lượng không được âm.', '"' + echo + '": a count cannot be negative.');
    }
    var sign = negative && !zero;
    var canonical = (sign ? '-' : '') + (significant || '0') + (decimals ? '.' + decimals : '');
    return { ok: true, value: Number(canonical), canonical: canonical, display: display(sign, integer, fraction, kind) };
  }

  // Mirrors VietnameseNumbers.IsGrouped: several equal marks are thousands groups only when every group after the first has 3 digits.
  function scoreGrouped(s, mark) {
    var groups = s.replace(/^[-+]+/, '').split(mark);
    if (groups[0].length < 1 || groups[0].length > 3) { return false; }
    for (var i = 1; i < groups.length; i++) { if (groups[i].length !== 3) { return false; } }
    return true;
  }

  /**
   * Reads a score (manual, bonus/penalty) by the lenient rule of VietnameseNumbers.TryParse:
   * 1,5 and 1.5 are both one and a half; with both marks the last one is the decimal mark.
   */
  function readScore(text) {
    var raw = text == null ? '' : String(text);
    if (raw.trim() === '') { return fail('empty', 'Chưa nhập số.', 'No number was entered.'); }
    var t = raw.trim();
    var echo = t.length > MAX_ECHO ? t.substring(0, MAX_ECHO) + '…' : t;
    var invalid = fail('notANumber', 'Điểm "' + echo + '" không phải là số hợp lệ (ví dụ 1,5).', 'The score "' + echo + '" is not a valid number (e.g. 1,5).');
    var s = t.split(' ').join('').split('\u00A0').join('');
    var lastDot = s.lastIndexOf('.');
    var lastComma = s.lastIndexOf(',');
    var normalized;
    if (lastDot >= 0 && lastComma >= 0) {
      var decimalMark = lastDot > lastComma ? '.' : ',';
      var groupMark = decimalMark === '.' ? ',' : '.';
      normalized = s.split(groupMark).join('').split(decimalMark).join('.');
    } else if (lastComma >= 0) {
      if (count(s, ',') === 1) { normalized = s.replace(',', '.'); } else if (scoreGrouped(s, ',')) { normalized = s.split(',').join(''); } else { return invalid; }
    } else if (lastDot >= 0) {
      if (count(s, '.') === 1) { normalized = s; } else if (scoreGrouped(s, '.')) { normalized = s.split('.').join(''); } else { return invalid; }
    } else {
      normalized = s;
    }
    var match = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(normalized);
    if (!match || (match[2] + (match[3] || '')).length === 0) { return invalid; }
    var integer = match[2];
    var fraction = match[3] || '';
    var significant = integer.replace(/^0+/, '');
    var decimals = fraction.replace(/0+$/, '');
    var sign = match[1] === '-' && (significant.length > 0 || decimals.length > 0);
    var canonical = (sign ? '-' : '') + (significant || '0') + (decimals ? '.' + decimals : '');
    return { ok: true, value: Number(canonical), canonical: canonical, display: display(sign, integer, fraction, 'decimal') };
  }

  return { read: read, readScore: readScore, kinds: ['count', 'amount', 'percent', 'decimal'] };
});
