/* warta newsroom: what the site adds to Decap CMS in /admin/.
 *
 * Loaded before decap-cms.js: it asks Decap to wait (CMS_MANUAL_INIT), then,
 * once the page has loaded, reads config.json (generated at build time by
 * plugins/cms from the project's data), registers
 *   - the front-matter format of warta: `Key: value` lines, a blank line, the
 *     body, exactly as `invoke new` writes them, or YAML between `---` lines
 *     (another CMS's, read with js-yaml, loaded before this file), written
 *     back in the file's own style; the order of the keys, keys the form does
 *     not know, comments and untouched lines are kept byte for byte, so saving
 *     an unchanged release changes nothing; in the keys the site shows as
 *     text, HTML's character references read as the build reads them
 *     (`Tags: Politik Uang &amp; Netralitas` is one tag) and a changed value
 *     written so that the build reads it back as typed;
 *   - the Indonesian interface (warta-cms-id.js);
 *   - the slug widget (made from the title at the first save, then frozen;
 *     "-2" when a release of that month or a page already has the address; a
 *     file the build already publishes without one keeps the slug of the
 *     title it was opened with, its address), the date
 *     widget (WIB whatever the browser's zone) and the alt-text widget
 *     (required when there is a photo);
 *   - the article preview, styled by the site's own CSS, with the warnings
 *     `invoke check` would give; the dateline read as the build reads it
 *     (its separators, patterns and word lists from config.json) and its
 *     place looked up in the region spellings;
 * and starts the CMS. No inline script, nothing loaded from another origin.
 */
(function () {
  'use strict';

  window.CMS_MANUAL_INIT = true;

  // A front matter's lines as Python-Markdown's `meta` reads them for the
  // build (warta/frontmatter.py KEY_RE, CONTINUATION_RE, `closes`): a key of
  // letters, digits, `_` and `-` right before its colon, up to three spaces
  // before it; a line indented four columns (a tab is four) more of the key
  // above; a `---` or `...` line ends the block.
  var KEY_LINE_RE = /^ {0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
  var MORE_LINE_RE = /^ {4,}(.*)$/;
  // A value set wholly in a chat's bold, italics or strikethrough (warta/markdown_source.py
  // `_CHAT_EMPHASIS`), the build shows without its marks.
  var CHAT_EMPHASIS_RE = /^(\*{1,2}|_{1,2}|~)([^\s*_~](?:[^*_~]*[^\s*_~])?)\1$/;

  // ---- slugs and ids, as the build makes them (warta/text.py) ---------------

  // warta.text `fold`: accents, the apostrophes inside a word ("Jum'at") and
  // the invisible characters (`_JOINING`: a soft hyphen Word pastes inside a
  // word, zero-width spaces and joiners, direction marks, BOM) removed, lower
  // case, any other character that is not a letter or a digit a space
  // ("Pungut–Hitung" is two words).
  var FOLD_REMOVED_RE = /['`\u2019\u02bc\u2018\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

  // A mark of a nonzero canonical combining class (`unicodedata.combining`,
  // which `fold` takes off; a mark of class 0, as a Devanagari vowel sign or
  // the Thai U+0E4D NFKD makes of U+0E33, is no letter: a space). JavaScript
  // has no property for the class; canonical reordering tells it: a mark of a
  // nonzero class is moved before U+0334 (class 1) or after U+0345 (class 240).
  function combining(mark) {
    return (
      (mark + '\u0334').normalize('NFD') !== mark + '\u0334' ||
      ('\u0345' + mark).normalize('NFD') !== '\u0345' + mark
    );
  }

  // What this build's Python knows of Unicode (config.json `fold`, from
  // plugins/cms/config.py `fold_tables`), set at start: `unassigned`, the code
  // points its `unicodedata` does not know (a newer emoji, a letter of Unicode
  // 15-17), which `fold` makes a space whatever the browser's tables say;
  // `casefold`, the characters whose `str.casefold` is not their lower case
  // ("ß" → "ss", "ς" → "σ", Cherokee's small letters to capitals).
  var buildUnicode = { unassigned: null, casefold: { '\u00df': 'ss' } };

  function setBuildUnicode(tables) {
    if (!tables) return;
    buildUnicode = {
      unassigned: tables.unassigned ? new RegExp(tables.unassigned, 'gu') : null,
      casefold: tables.casefold || {},
    };
  }

  function unknownToBuild(ch) {
    var unassigned = buildUnicode.unassigned;
    if (!unassigned) return false;
    unassigned.lastIndex = 0;
    return unassigned.test(ch);
  }

  // Python's `str.casefold`, character by character.
  function casefold(text) {
    var table = buildUnicode.casefold;
    return Array.from(String(text), function (ch) {
      if (Object.prototype.hasOwnProperty.call(table, ch)) return table[ch];
      return unknownToBuild(ch) ? ch : ch.toLowerCase();
    }).join('');
  }

  function foldWords(text) {
    var known = String(text || '');
    if (buildUnicode.unassigned) known = known.replace(buildUnicode.unassigned, ' ');
    return casefold(known
      .normalize('NFKD')
      .replace(/\p{M}/gu, function (mark) { return combining(mark) ? '' : mark; }))
      .replace(FOLD_REMOVED_RE, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ');
  }

  // warta.text `slugify`, which the build gives a release without `Slug:` and
  // `invoke new` writes: the folded words in ASCII, joined by hyphens, cut at a
  // word within `limit` characters.
  function slugify(title, limit) {
    limit = limit || 80;
    var words = foldWords(title).replace(/[^\x00-\x7f]/g, '').split(/\s+/).filter(Boolean);
    var slug = '';
    for (var i = 0; i < words.length; i++) {
      var candidate = slug ? slug + '-' + words[i] : words[i];
      if (candidate.length > limit) break;
      slug = candidate;
    }
    return slug || (words.length ? words[0].slice(0, limit) : '');
  }

  // ---- addresses a new release or page must not take --------------------------

  // The last build's (data.taken: "2026/12/slug" per release, "slug" per page and
  // every name at the site's top), and those saved in this browser since.
  var SAVED_KEY = 'warta-saved-addresses';

  function savedAddresses() {
    try {
      return JSON.parse(window.sessionStorage.getItem(SAVED_KEY) || '[]');
    } catch (error) {
      return [];
    }
  }

  function rememberAddress(key) {
    try {
      var saved = savedAddresses();
      saved.push(key);
      window.sessionStorage.setItem(SAVED_KEY, JSON.stringify(saved));
    } catch (error) {
      /* storage blocked: the last build's list still applies */
    }
  }

  function addressKey(collection, slug, date) {
    if (collection !== 'berita') return collection + ':' + slug;
    var text = String(date || '');
    return 'berita:' + text.slice(0, 4) + '/' + text.slice(5, 7) + '/' + slug;
  }

  // The slug of the title, with "-2", "-3"… when a release of the same month
  // (or a page, or the site itself) already has that address: the build would
  // refuse the second one after the CMS had saved it. A numbered one is cut
  // at a word to leave room for its number: no longer than a title makes (80).
  function freeSlug(collection, title, date, data) {
    var wanted = slugify(title);
    if (!wanted) return wanted;
    var taken = {};
    ((data.taken || {})[collection] || []).forEach(function (value) {
      taken[collection + ':' + value] = true;
    });
    savedAddresses().forEach(function (key) {
      taken[key] = true;
    });
    var slug = wanted;
    for (var n = 2; taken[addressKey(collection, slug, date)]; n++) {
      slug = slugify(title, 80 - String(n).length - 1) + '-' + n;
    }
    return slug;
  }

  // "YYYY-MM-DD HH:mm" now in WIB, whatever zone the browser is set to.
  function nowInWib() {
    var parts = {};
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .forEach(function (part) {
        parts[part.type] = part.value;
      });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
  }

  function threadId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // a version 4 UUID, as uuid.uuid4().hex
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return Array.prototype.map
      .call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      })
      .join('');
  }

  // ---- a Date: as the build reads it (warta/dates.py) -------------------------

  // "YYYY-MM-DD HH:MM" (":SS" when it has seconds) of a time's parts.
  function houseForm(year, month, day, hour, minute, second) {
    var two = function (n) { return ('0' + n).slice(-2); };
    var text = ('000' + year).slice(-4) + '-' + two(month) + '-' + two(day) + ' ' + two(hour) + ':' + two(minute);
    return second ? text + ':' + two(second) : text;
  }

  function realDay(year, month, day) {
    var date = new Date(Date.UTC(year, month - 1, day));
    return month >= 1 && month <= 12 && date.getUTCFullYear() === year && date.getUTCDate() === day;
  }

  // `parts` moved by `hours` (a zone's offset from WIB), in the house form.
  function shifted(parts, hours) {
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4] + Math.round(hours * 60), parts[5]));
    return houseForm(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(),
      date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  }

  // warta.dates `house_date`: ISO 8601 (a zone moved to WIB) or the
  // DATE_FORMATS strptime reads (an hour of one digit); null for another form.
  var ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,]\d{1,6})?)?)?)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/i;
  var STRPTIME_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/;

  function houseDate(text) {
    var iso = /\d{4}-\d{2}-\d{2}[T ]\d{1,2}\.\d{1,2}/.test(text) || !/^\d{4}(?:-\d{2}-\d{2}|\d{4})(?!\d)/.test(text)
      ? null : ISO_DATE_RE.exec(text);
    if (iso) {
      var parts = [+iso[1], +iso[2], +iso[3], +(iso[4] || 0), +(iso[5] || 0), +(iso[6] || 0)];
      if (realDay(parts[0], parts[1], parts[2]) && parts[3] < 24 && parts[4] < 60 && parts[5] < 60) {
        if (!iso[7]) return houseForm.apply(null, parts);
        var zone = /^([+-])(\d{2}):?(\d{2})?$/.exec(iso[7]);
        var offset = zone ? (zone[1] === '-' ? -1 : 1) * (+zone[2] + +(zone[3] || 0) / 60) : 0;
        return shifted(parts, 7 - offset);
      }
    }
    var loose = STRPTIME_DATE_RE.exec(text);
    if (!loose || (loose[4] === 'T' && loose[7] !== undefined)) return null;
    var p = [+loose[1], +loose[2], +loose[3], +(loose[5] || 0), +(loose[6] || 0), +(loose[7] || 0)];
    if (!realDay(p[0], p[1], p[2]) || p[3] > 23 || p[4] > 59 || p[5] > 59) return null;
    return houseForm.apply(null, p);
  }

  // warta.dates `read_written_date` (config.json `date_forms`: its own
  // patterns and names): {value (WIB, house form), zone, form}, or null for
  // no date or one naming no real day or time.
  function writtenDate(text, forms) {
    var f = forms._compiled;
    if (!f) {
      f = {};
      ['zone', 'weekday', 'meridiem', 'bracketed', 'numeric', 'named', 'named_first', 'slashed'].forEach(function (name) {
        f[name] = new RegExp(forms[name].source, forms[name].flags);
      });
      f.time_dash = new RegExp(forms.time_dash.source, forms.time_dash.flags + 'g');
      f.clock_word = new RegExp(forms.clock_word.source, forms.clock_word.flags + 'g');
      Object.defineProperty(forms, '_compiled', { value: f, enumerable: false });
    }
    var rest = String(text).split(/\s+/).filter(Boolean).join(' ');
    var closing = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019', '\u201e': '\u201d' };
    if (rest.length > 2 && rest.charAt(rest.length - 1) === closing[rest.charAt(0)]) rest = rest.slice(1, -1).trim();
    var zone = f.zone.exec(rest);
    if (zone) rest = rest.slice(0, zone.index);
    var meridiem = f.meridiem.exec(rest);
    if (meridiem) rest = rest.slice(0, meridiem.index);
    rest = rest.replace(f.time_dash, ' ');
    var weekday = f.weekday.exec(rest);
    if (weekday) rest = rest.slice(weekday[0].length).replace(f.bracketed, '$<date>');
    rest = stripChars(rest.replace(f.clock_word, ' '), ' ,');
    var match = f.numeric.exec(rest);
    var form = !match || match.groups.sep === '-' ? 'numeric' : 'year-slashed';
    if (!match) {
      match = f.slashed.exec(rest);
      form = 'slashed';
    }
    var month;
    if (!match) {
      match = f.named.exec(rest) || f.named_first.exec(rest);
      if (!match) return null;
      form = 'named';
      month = forms.months[match.groups.name.toLowerCase()];
      if (!month) return null;
    } else {
      month = +match.groups.month;
    }
    var g = match.groups;
    var year = +g.year;
    var day = +g.day;
    if (!realDay(year, month, day)) return null;
    if (weekday) {
      var named = forms.weekdays[weekday.groups.weekday.toLowerCase().replace("'", '')];
      if (named !== (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) return null;
    }
    var hour = 0;
    var minute = 0;
    var second = 0;
    if (meridiem && !g.hour) return null;
    if (g.hour) {
      hour = +g.hour;
      minute = +g.minute;
      second = +(g.second || 0);
      if (meridiem) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (meridiem.groups.half.toLowerCase() === 'p' ? 12 : 0);
      }
      if (g.minute.length === 1 || hour > 23 || minute > 59 || second > 59) return null;
    }
    var zoneName = zone ? zone.groups.zone.toUpperCase() : 'WIB';
    var hours = g.hour ? forms.zone_hours[zoneName.toLowerCase()] - 7 : 0;
    return { value: shifted([year, month, day, hour, minute, second], -hours), zone: zoneName, form: form };
  }

  // The time a Date: value names for the build, in the house form the CMS
  // and `invoke new` write ("2024-11-17 09:30"; a day alone is its midnight,
  // which the site shows as the day): `read` true when the build reads the
  // value, false for a form it refuses with this time as its fix (a day
  // first with slashes, another zone: `source_checks.unread_date`); null
  // when it names no time.
  function dateAsBuilt(value, forms) {
    var text = String(value === undefined || value === null ? '' : value).trim();
    if (!text) return null;
    var house = houseDate(text);
    if (house) return { value: house, read: true };
    var written = forms ? writtenDate(text, forms) : null;
    if (!written) return null;
    var read = written.zone === 'WIB' && written.form !== 'slashed' && written.form !== 'year-slashed';
    return { value: written.value, read: read };
  }

  // ---- the front-matter format ------------------------------------------------

  // `text` split at each of the characters `separators` typed as itself, not
  // at the `;` ending a reference the build reads (`&amp;`) nor at a separator
  // a reference stands for (`&#44;`): warta.text `split_outside_references`.
  function splitOutsideReferences(text, separators) {
    var inside = {};
    text.replace(REFERENCE_RE, function (reference, at) {
      if (referenceRead(reference) !== reference) {
        for (var i = at; i < at + reference.length; i++) inside[i] = true;
      }
      return reference;
    });
    var pieces = [];
    var start = 0;
    for (var at = 0; at < text.length; at++) {
      if (separators.indexOf(text[at]) >= 0 && !inside[at]) {
        pieces.push(text.slice(start, at));
        start = at + 1;
      }
    }
    pieces.push(text.slice(start));
    return pieces
      .map(function (part) {
        return part.trim();
      })
      .filter(Boolean);
  }

  // Pelican's rule: a list is split at semicolons when it has one, else at
  // commas; never inside a character reference (warta.frontmatter `pelican_items`).
  function splitList(value) {
    var text = String(value || '');
    var pieces = splitOutsideReferences(text, ';');
    return pieces.length > 1 ? pieces : splitOutsideReferences(text, ',');
  }

  // The regions one `Region:` value names (warta.frontmatter `list_items`):
  // "Kabupaten Lahat; Kota Pagar Alam, Kabupaten OKU" is three.
  function regionValues(value) {
    return splitOutsideReferences(String(value || ''), ',;');
  }

  // A value of a list key written as a list below `Title: …` (no `---`):
  // `[A, B]`, or every item in quotes (`"A", "B"`, `“A”, “B”`), its items as
  // the build reads them (warta.frontmatter `written_list`); null for any other
  // value, which is split as written.
  var ITEM_QUOTES = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019', '\u201e': '\u201d' };

  function quotedItem(text) {
    var close = text.charAt(text.length - 1);
    if (text.length > 2 && close === ITEM_QUOTES[text.charAt(0)]) {
      var inner = text.slice(1, -1).trim();
      if (inner && inner.indexOf(text.charAt(0)) < 0 && inner.indexOf(close) < 0) return inner;
    }
    return null;
  }

  // A line with its tabs as spaces to the next multiple of four columns.
  function expandTabs(line) {
    if (line.indexOf('\t') < 0) return line;
    var out = '';
    for (var i = 0; i < line.length; i++) {
      out += line[i] === '\t' ? ' '.repeat(4 - (out.length % 4)) : line[i];
    }
    return out;
  }

  function writtenList(value) {
    value = String(value).trim();
    if (value.charAt(0) === '[' && value.charAt(value.length - 1) === ']') {
      var listed = flowItems(value);
      if (listed === null) {
        listed = splitList(value.slice(1, -1)).map(function (text) { return quotedItem(text) || text; });
      }
      return listed.map(function (text) { return text.trim(); }).filter(Boolean);
    }
    var items = splitList(value);
    var quoted = items.map(quotedItem);
    return items.length && quoted.every(Boolean) ? quoted : null;
  }

  // Items as one value Pelican splits back into them: at semicolons when there
  // is one, so a tag with a comma in its name ("Divisi Pencegahan,
  // Partisipasi …") stays one tag (warta.frontmatter.pelican_list).
  function pelicanList(items) {
    var comma = items.some(function (v) { return v.indexOf(',') >= 0; });
    return items.join(comma ? '; ' : ', ');
  }

  // ---- character references, as the build reads them in a text key -----------

  // A reference as Python-Markdown reads one (warta/text.py `_REFERENCE_RE`): a
  // name or a number, ended by `;`. "R&D", "AT&T" and "&amp" without its `;`
  // are text.
  var REFERENCE_RE = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);/g;
  // What a reference to a character no one-line value holds becomes
  // (`_BREAKS_AS_SPACES`, `without_control_characters`): a line break, a tab,
  // a vertical tab or a form feed a space; another control character or an
  // invisible format character (bidi marks, zero-width space, BOM) nothing.
  var BREAK_RE = /[\t\n\r\u2028\u2029\x0b\x0c]/g;
  var CONTROL_RE = /[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
  var referenceDocument = null;

  // The character(s) one reference stands for, as Python's html.unescape reads
  // it: the HTML standard's names and numbers (the browser's own table: a
  // longest known name, "&ampx;" is "&x;"; 0, a surrogate or beyond U+10FFFF
  // is U+FFFD; &#128;–&#159; as windows-1252), except that a number naming a
  // control character or a noncharacter stands for nothing.
  function referenceRead(reference) {
    var number = /^&#(x?)([0-9a-fA-F]+);$/.exec(reference);
    if (number) {
      var code = parseInt(number[2], number[1] ? 16 : 10);
      var nothing = (code >= 0x1 && code <= 0x8) || code === 0xb || (code >= 0xe && code <= 0x1f) ||
        code === 0x7f || (code >= 0xfdd0 && code <= 0xfdef) ||
        (code <= 0x10ffff && (code & 0xfffe) === 0xfffe);
      if (nothing) return '';
    }
    referenceDocument = referenceDocument || document.implementation.createHTMLDocument('');
    // (Only `&`, letters, digits, `#` and `;`: no markup can be made of it.)
    referenceDocument.body.innerHTML = reference;
    return referenceDocument.body.textContent.replace(BREAK_RE, ' ').replace(CONTROL_RE, '');
  }

  // A value of a key shown as text as the build reads it (warta.text
  // `with_references_read`): 'Politik Uang &amp; Netralitas' is "Politik Uang
  // & Netralitas", read once ('&amp;lt;' is "&lt;"), before a list is split.
  function referencesRead(text) {
    text = String(text);
    return text.indexOf('&') < 0 ? text : text.replace(REFERENCE_RE, referenceRead);
  }

  // Text written so that the build reads it back as the same text: a `&` that
  // starts a reference the build would read is written `&amp;` ("&amp;" typed
  // as such is written "&amp;amp;"); any other `&` ("Tom & Jerry", "R&D") as is.
  function referencesKept(text) {
    text = String(text);
    if (text.indexOf('&') < 0) return text;
    return text.replace(REFERENCE_RE, function (reference) {
      return referenceRead(reference) === reference ? reference : '&amp;' + reference.slice(1);
    });
  }

  // A spelling as plugins/cms/config.py's spelling_key compares it.
  function spellingKey(value) {
    return foldWords(value).replace(/[^a-z0-9]/g, '');
  }

  // A tag as plugins/cms/config.py's tag_spellings compares it (the build's
  // `tag_key`): folded words ("Pemilu2024" is no tag), a run of single
  // letters joined ("A.S.N.", "P T P S" are "asn", "ptps").
  function tagKey(value) {
    var words = foldWords(value).split(' ').filter(Boolean);
    var joined = [];
    var run = [];
    words.concat(['']).forEach(function (word) {
      if (Array.from(word).length === 1 && /^\p{L}$/u.test(word)) {
        run.push(word);
        return;
      }
      if (run.length) joined.push(run.length > 1 ? run.join('') : run[0]);
      run = [];
      if (word) joined.push(word);
    });
    return joined.join(' ');
  }

  // What Python's `str.split()` splits at.
  var PYTHON_SPACES_RE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

  // A name compared with its commas kept (warta.tags.vocabulary.comma_key).
  function commaKey(text) {
    return String(text).split(',').map(function (part) {
      return casefold(part).split(PYTHON_SPACES_RE).filter(Boolean).join(' ');
    }).join(', ');
  }

  // The option a Region: value or a tag names, as the build reads it ("Empat
  // Lawang", "16", "PAW"), else the value as written.
  function canonical(spellings, value, key) {
    var text = String(value).trim();
    var found = (spellings || {})['=' + text] || (spellings || {})[(key || spellingKey)(text)];
    return found || text;
  }

  // Tags as the build reads them (`OfficialTagsStage.rejoined`): an official
  // name holding commas that a comma list split ("Divisi Pencegahan,
  // Partisipasi Masyarakat, dan Hubungan Masyarakat") made whole again, then
  // each tag by its name or alias.
  function canonicalTags(items, data) {
    var spellings = data.tag_spellings || {};
    var longest = 1;
    Object.keys(spellings).forEach(function (key) {
      if (key.charAt(0) === ',') longest = Math.max(longest, key.split(',').length - 1);
    });
    var tags = [];
    for (var index = 0; index < items.length; ) {
      var joined = null;
      for (var end = Math.min(items.length, index + longest); end > index + 1 && !joined; end--) {
        var pieces = items.slice(index, end);
        var text = pieces.map(function (p) { return String(p).trim(); }).join(', ');
        var exact = spellings[',' + commaKey(text)];
        var folded = spellings[';' + tagKey(text)];
        var loose = folded && !pieces.every(function (p) {
          return spellings[tagKey(p)];
        });
        if (exact || loose) {
          joined = exact || folded;
          index = end;
        }
      }
      if (joined) {
        tags.push(joined);
      } else {
        tags.push(canonical(spellings, items[index], tagKey));
        index += 1;
      }
    }
    return tags;
  }

  // Region: values as the build reads them: each alone (`canonical`), then a
  // name several options share narrowed by the other values ("Empat Lawang,
  // Pendopo" is the kecamatan of Empat Lawang, not PALI's town).
  function canonicalRegions(items, data) {
    var chosen = items.map(function (v) { return canonical(data.region_spellings, v); });
    var codeOf = {};
    Object.keys(data.region_spellings || {}).forEach(function (key) {
      if (key.charAt(0) === '=') codeOf[data.region_spellings[key]] = key.slice(1);
    });
    var codes = chosen.map(function (v) { return codeOf[v]; });
    return items.map(function (value, index) {
      var candidates = (data.region_contexts || {})[spellingKey(value)];
      if (!candidates) return chosen[index];
      // Context: the other values that name a province or a kabupaten/kota
      // (as RegionsStage reads them alone), never a kecamatan.
      var others = codes.filter(function (code, other) {
        return other !== index && code && code.split('.').length < 3;
      });
      var inside = candidates.filter(function (candidate) {
        return candidate[1].some(function (code) { return others.indexOf(code) >= 0; });
      });
      // The build's tiers: a kabupaten/kota (a seat: "Kayuagung, OKI") before
      // a kecamatan ("Empat Lawang, Pendopo").
      var regions = inside.filter(function (c) { return c[1][0].split('.').length < 3; });
      var kecamatan = inside.filter(function (c) { return c[1][0].split('.').length >= 3; });
      if (regions.length === 1) return regions[0][0];
      if (!regions.length && kecamatan.length === 1) return kecamatan[0][0];
      return chosen[index];
    });
  }

  // ---- a YAML front matter ----------------------------------------------------

  // What git-based CMSs and staff tools write: the keys between `---` lines, read
  // as YAML (js-yaml, shipped beside this file: package.json pins it), as the
  // build reads them (warta/frontmatter.py, `read_yaml_block`). Every value is
  // text (YAML's failsafe schema: `true`, `2024` as written); a repeated key is
  // read, the first one counts.
  var YAML = window.jsyaml;
  var YAML_READ = YAML ? { schema: YAML.FAILSAFE_SCHEMA, json: true } : null;
  // A key the form may know: a word, plain or in YAML's quotes, then its colon.
  var YAML_KEY_RE = /^(\s*)(["']?)([A-Za-z][A-Za-z0-9_-]*)\2[ \t]*:(?=[ \t]|$)/;
  // What starts a value that is no plain text on its line (quoted, a list, a map,
  // a block scalar, an anchor, an alias, a tag).
  var NOT_PLAIN_RE = /^["'\[{|>&*!%@`]/;

  // A value in YAML's quotes as YAML reads it, its line breaks spaces; one in
  // single quotes with an apostrophe inside a word ('Lahat's') without its
  // quotes; any other as it is (warta.frontmatter `yaml_unquoted`).
  var APOSTROPHES_RE = /^(?:[^']|''|(?<=[\p{L}\p{N}_])'(?=[\p{L}\p{N}_]))*$/u;

  function yamlUnquoted(value) {
    var quote = value.charAt(0);
    if (value.length < 2 || (quote !== '"' && quote !== "'") || value.charAt(value.length - 1) !== quote) {
      return value;
    }
    var loaded;
    try {
      loaded = YAML ? yamlLoad(value) : value;
    } catch (error) {
      var inner = value.slice(1, -1);
      if (quote === "'" && APOSTROPHES_RE.test(inner)) return inner.replace(/''/g, "'").split('\n').join(' ');
      return value;
    }
    return typeof loaded === 'string' ? loaded.split(/\r\n|\r|\n/).join(' ') : value;
  }

  // The items of a one-line YAML list (`[A, "B, C", #D]`), empty ones left
  // out, as the build reads them (warta.frontmatter `yaml_items`): a `#` is
  // an item's text, not a comment; texts and numbers only, else null.
  var FLOW_ITEM_RE = /\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,"'][^,]*)?\s*(?:,|$)/g;

  function flowItems(value) {
    var inner = value.slice(1, -1);
    if (/(?:^|[\s,])#/.test(value.slice(1))) {
      var pieces = inner.match(FLOW_ITEM_RE) || [];
      if (pieces.join('') === inner) {
        return pieces
          .map(function (piece) { return yamlUnquoted(piece.trim().replace(/,+$/, '').trim()); })
          .filter(Boolean);
      }
    }
    if (!YAML) return null;
    var loaded;
    try {
      loaded = YAML.load(value);
    } catch (error) {
      return null;
    }
    var plain = Array.isArray(loaded) && loaded.every(function (item) {
      return typeof item === 'string' || (typeof item === 'number' && isFinite(item));
    });
    return plain ? loaded.map(String).filter(Boolean) : null;
  }

  var TAB_FIRST_KEY = 'baris menjorok dengan tab; pakai spasi (front matter yang baris kunci ' +
    'pertamanya menjorok dengan tab tidak dibaca situs sama sekali: seluruh naskah menjadi isi)';

  // A file whose first line is a `Key: value` indented by a tab or four
  // columns (`\tTitle: …`): the build reads no front matter ("no front
  // matter: the file starts with this line"), the form was empty without a
  // word. The problem, as `readYamlBlock` gives one; null for another file.
  function indentedFirstKey(lines) {
    var line = expandTabs(String(lines[0] || '').replace(/^\ufeff/, ''));
    if (!MORE_LINE_RE.test(line) || !KEY_LINE_RE.test(line.trim())) return null;
    return {
      line: 1,
      message: 'baris "' + line.trim() + '" menjorok (diawali tab atau empat spasi atau lebih), ' +
        'jadi situs tidak membaca front matter sama sekali dan seluruh naskah menjadi isi; tulis ' +
        'kunci itu di awal baris',
    };
  }

  function opensYaml(line) {
    return /^-{3}/.test(line);
  }

  // `---` or `...`, as Python-Markdown ends a front matter (not a `---key:` key).
  function closesYaml(line) {
    return /^(-{3}|\.{3})/.test(line) && !/^[A-Za-z0-9_-]+:/.test(line);
  }

  function yamlLoad(text) {
    return YAML.load(text, YAML_READ);
  }

  function isMap(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  // A value as JSON with the keys of its maps in order: two readings compared.
  function sameYaml(a, b) {
    var sorted = function (value) {
      if (Array.isArray(value)) return value.map(sorted);
      if (!isMap(value)) return value === undefined ? null : value;
      var out = {};
      Object.keys(value).sort().forEach(function (key) { out[key] = sorted(value[key]); });
      return out;
    };
    return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
  }

  // Text as the build reads a value: its lines joined by a space.
  function oneLine(text) {
    return String(text === null || text === undefined ? '' : text)
      .split(/\r?\n/)
      .map(function (part) { return part.trim(); })
      .filter(Boolean)
      .join(' ');
  }

  // The key's value as the build reads it: a plain value on the key's line as
  // written (` #2` is text, not a comment), and the indented `#` lines right
  // below it; list items plain on their `- ` line as written; any other
  // value as YAML reads it.
  function builtValue(segment) {
    var value = segment.value;
    var first = segment.lines[0];
    var rest = first.slice(YAML_KEY_RE.exec(first)[0].length).trim();
    var below = segment.lines.slice(1);
    var indented = function (line) { return /^[ \t]/.test(line) && line.trim() !== ''; };
    if (value === null) return rest;
    if (typeof value === 'string' && rest && rest.charAt(0) !== '#' && !NOT_PLAIN_RE.test(rest)) {
      var parts = [rest];
      var blank = false;
      var comments = false;
      for (var i = 0; i < below.length; i++) {
        var line = below[i];
        if (!line.trim()) {
          if (comments) break;
          blank = true;
          continue;
        }
        if (!indented(line)) break;
        var comment = line.trim().charAt(0) === '#';
        if (comment && blank) break;
        if (!comment && comments) break;
        comments = comments || comment;
        parts.push(line);
        blank = false;
      }
      return oneLine(parts.join('\n'));
    }
    if (typeof value === 'string') return oneLine(value);
    if (!Array.isArray(value)) return value;
    var dashes = [];
    var dash = null;
    below.forEach(function (line, index) {
      var item = /^(\s*)-(\s|$)/.exec(line);
      if (item && (dash === null || item[1] === dash)) {
        dash = item[1];
        dashes.push(index);
      }
    });
    var block = !rest || rest.charAt(0) === '#';
    return value.map(function (item, index) {
      if (item !== null && typeof item !== 'string') return item;
      var at = dashes[index];
      if (block && dashes.length === value.length) {
        var written = below[at].replace(/^\s*-/, '').trim();
        var next = below[at + 1];
        var more = next !== undefined && next.trim() && !/^\s*#/.test(next) &&
          /^\s*/.exec(next)[0].length > dash.length && !/^\s*-(\s|$)/.test(next);
        if (!NOT_PLAIN_RE.test(written) && !more) return written;
      }
      return oneLine(item);
    });
  }

  // Keys the build reads (warta.source_checks KNOWN_KEYS, from config.json):
  // below a blank line of a `---` block, more front matter (`yamlExtent`).
  var KNOWN_KEYS = {};
  // A key line as the build tells front matter from a lead's `LAHAT:` (warta.frontmatter `_FRONT_KEY_RE`).
  var FRONT_KEY_RE = /^("[^"]{1,40}"|'[^']{1,40}'|[A-Za-z0-9_][\p{L}\p{N}_-]*(?: [\p{L}\p{N}_-]+){0,3})\s*:(?:\s|$)(.*)$/u;
  var BLOCK_SCALAR_RE = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:\s+#.*)?$/;
  var PUBLICATION_KEY_RE = /draft|draf|publish|terbit|tayang|embargo|status|hidden|sembunyi/i;

  // Whether a key line below a blank line is more front matter (`_more_keys`):
  // a quoted key, a key the build reads or one about publication, or a word
  // in lower case as a CMS writes one; not `LAHAT:` or `Hasil Rapat:`.
  function moreKeys(line) {
    var match = FRONT_KEY_RE.exec(line);
    if (!match) return false;
    var name = match[1];
    if (name.charAt(0) === '"' || name.charAt(0) === "'") return true;
    if (PUBLICATION_KEY_RE.test(name)) return true;
    return name.indexOf(' ') < 0 && (!!KNOWN_KEYS[name.toLowerCase()] || name === name.toLowerCase());
  }

  // Whether an indented line or a list item below a blank line goes on with
  // the key above (`owner`): its block scalar, list or map (`_continues`).
  function continuesKey(owner, following) {
    var match = FRONT_KEY_RE.exec(owner);
    var value = match ? match[2].trim() : 'x';
    if (BLOCK_SCALAR_RE.test(value)) return /^[ \t]/.test(following);
    var text = following.replace(/^\s+/, '');
    return (value === '' || value.charAt(0) === '#') && (/^-(\s|$)/.test(text) || FRONT_KEY_RE.test(text));
  }

  // The index of the line that ends a `---` block (`lines`, up to `close`,
  // its closing line or the file's end) as the build reads it
  // (warta.frontmatter `_extent`): a blank line followed by the release's text,
  // else `close`.
  function yamlExtent(lines, close) {
    var owner = '';
    for (var index = 1; index < close; index++) {
      var line = lines[index];
      if (line.trim() && FRONT_KEY_RE.test(line)) owner = line;
      if (line.trim() || !lines[index - 1].trim()) continue;
      var paragraph = [];
      for (var next = index + 1; next < close; next++) {
        var below = lines[next];
        if (!paragraph.length && (!below.trim() || below.charAt(0) === '#')) continue;
        if (!below.trim()) break;
        paragraph.push(below);
      }
      if (!paragraph.length) continue;
      var first = paragraph[0];
      var goesOn = (!/^[ \t-]/.test(first) || continuesKey(owner, first)) &&
        paragraph.every(function (text) { return /^[ \t#-]/.test(text) || moreKeys(text); });
      if (!goesOn) return index;
    }
    return close;
  }

  // The `---` block at the top of a file's `lines`: null when there is none (or
  // it holds no keys: text between two rules); { problem: {line, message} }
  // when YAML cannot read it; else the lines before the first key (comments),
  // each key's lines (`segments`: its value's, then the comment and blank
  // lines below it, `tail`) and the closing line's index.
  function readYamlBlock(lines) {
    var opening = String(lines[0] || '').replace(/^\ufeff/, '');
    if (!lines.length || !opensYaml(opening)) return null;
    var close = -1;
    for (var c = 1; c < lines.length && close < 0; c++) if (closesYaml(lines[c])) close = c;
    if (!YAML) return { problem: { line: 1, message: 'pembaca YAML tidak termuat' } };
    var closed = close >= 0;
    var readWhole = false;
    if (closed) {
      try {
        readWhole = isMap(yamlLoad(lines.slice(1, close).join('\n')));
      } catch (error) {
        /* cut below, as the build cuts it */
      }
    }
    if (!readWhole) {
      // No closing `---` before the release's text (a `---` rule further
      // down, or none): the block ends at the blank line above the text.
      var cut = yamlExtent(lines, closed ? close : lines.length);
      if (cut < (closed ? close : lines.length)) {
        close = cut;
        closed = true;
      }
    }
    if (!closed) return { problem: { line: 1, message: 'tidak ada baris --- penutup' } };
    var block = lines.slice(1, close);
    // Its first key indented with a tab: YAML refuses the block and the
    // build's line reader takes no key from it, so the build reads no front
    // matter at all ("no front matter": the whole file is the text); js-yaml
    // read a block indented with tabs throughout, the form filled.
    var firstKey = -1;
    block.forEach(function (line, index) {
      if (firstKey < 0 && line.trim() && !/^\s*#/.test(line)) firstKey = index;
    });
    if (firstKey >= 0 && /^[ ]*\t/.test(block[firstKey])) {
      return { problem: { line: firstKey + 2, message: TAB_FIRST_KEY } };
    }
    var whole;
    // YAML cannot read the block at a key's own line (`title: Rapat: Pleno`,
    // `title: *Rapat Pleno*`): the build reads it line by line, each key its
    // text as written (warta.frontmatter `_parse_head`); so is such a key
    // here (`lenient`), and a changed value written in YAML's quotes.
    var failed = null;
    try {
      whole = yamlLoad(block.join('\n'));
    } catch (error) {
      var mark = error.mark || {};
      failed = {
        line: typeof mark.line === 'number' ? mark.line + 2 : 1,
        message: yamlReason(error.reason || String(error.message || error)),
      };
      if (/quoted scalar/.test(error.reason || '')) {
        // (js-yaml says where the text ended; the build, where the quote opened)
        var quote = /double/.test(error.reason) ? '"' : "'";
        block.some(function (line, index) {
          var keyed = YAML_KEY_RE.exec(line);
          var value = keyed ? line.slice(keyed[0].length).trim() : '';
          var open = value.charAt(0) === quote && (value.length < 2 || value.charAt(value.length - 1) !== quote);
          if (open) failed.line = index + 2;
          return open;
        });
      }
      failed = misindentedKey(block) || failed;
      var atLine = typeof mark.line === 'number' ? block[mark.line] : undefined;
      if (atLine === undefined || !YAML_KEY_RE.test(atLine)) return { problem: failed };
      whole = {};
    }
    if (whole === null || whole === undefined) whole = {};
    if (!isMap(whole)) return null;
    var first = -1;
    block.forEach(function (line, index) {
      if (first < 0 && line.trim() && !/^\s*#/.test(line)) first = index;
    });
    var read = { open: lines[0], close: close, lead: block.slice(0, first < 0 ? block.length : first),
      indent: '', segments: [] };
    if (first < 0) return read;
    var indent = /^\s*/.exec(block[first])[0];
    read.indent = indent;
    var starts = [];
    block.forEach(function (line, index) {
      var rest = line.slice(indent.length);
      if (index >= first && line.slice(0, indent.length) === indent && rest &&
          !/^[\s#]/.test(rest) && !/^-(\s|$)/.test(rest)) starts.push(index);
    });
    starts.push(block.length);
    // Each key's lines: from its line to the next key line that ends it (a
    // quoted value may hold a line like a key).
    var merged = {};
    for (var at = 0; at < starts.length - 1; ) {
      var found = -1;
      var piece = null;
      for (var next = at + 1; next < starts.length && found < 0; next++) {
        try {
          piece = yamlLoad(block.slice(starts[at], starts[next]).join('\n'));
        } catch (error) {
          continue;
        }
        if (isMap(piece) && Object.keys(piece).length === 1) found = next;
      }
      if (found < 0 && failed) {
        // A key line YAML cannot read, alone with the blank and comment lines
        // below it, and no quote left open (which the build says: `title:
        // "Rapat`); a `[` never closed is text, as the build reads it.
        var alone = block.slice(starts[at] + 1, starts[at + 1]).every(function (line) {
          return !line.trim() || /^\s*#/.test(line);
        });
        var keyed = YAML_KEY_RE.exec(block[starts[at]]);
        var value = keyed ? block[starts[at]].slice(keyed[0].length).trim() : '';
        if (keyed && alone && !/^["']/.test(value)) {
          found = at + 1;
          piece = {};
          piece[keyed[3]] = null;
        }
      }
      if (found < 0) break;
      var key = Object.keys(piece)[0];
      merged[key] = piece[key];
      var own = block.slice(starts[at], starts[found]);
      // Below the value, the blank and comment lines (`tail`, kept when the
      // value changes); not an indented `#` line, which is more of a block
      // scalar's text, or of a plain value as the build reads it.
      var rest = own[0].replace(YAML_KEY_RE, '').trim();
      var text = /^[|>]/.test(rest) || (rest && rest.charAt(0) !== '#' && !NOT_PLAIN_RE.test(rest));
      var tail = [];
      while (own.length > 1) {
        var last = own[own.length - 1];
        var comment = text ? last.slice(0, indent.length + 1) === indent + '#' : /^\s*#/.test(last);
        if (last.trim() && !comment) break;
        tail.unshift(own.pop());
      }
      read.segments.push({ key: key, value: piece[key], lines: own, tail: tail });
      at = found;
    }
    if (failed && at < starts.length - 1) return { problem: failed };
    if (!failed && (at < starts.length - 1 || !sameYaml(merged, whole))) {
      return { problem: { line: 2, message: 'susunan kunci YAML ini tidak dapat dipisah per kunci' } };
    }
    return read;
  }

  // A block YAML cannot read whose keys are not all at one indentation
  // (`  Title: …` above `Date: …`, or `  date: …` below `title: Rapat`, not a
  // map's key under `params:`): js-yaml named the line after the indented
  // one and spoke of quotes. The first key line indented where the others are
  // not, as {line, message}; null for another block.
  function misindentedKey(block) {
    var keys = [];
    var parent = false;
    block.forEach(function (line, index) {
      var keyed = YAML_KEY_RE.exec(line);
      if (!keyed || keyed[1].indexOf('\t') >= 0) return;
      if (!parent || !keyed[1]) keys.push({ index: index, indent: keyed[1].length, key: keyed[3] });
      parent = !line.slice(keyed[0].length).trim();
    });
    var indents = keys.map(function (k) { return k.indent; });
    if (keys.length < 2 || Math.min.apply(null, indents) === Math.max.apply(null, indents)) return null;
    var wrong = keys.filter(function (k) { return k.indent > 0; })[0];
    return {
      line: wrong.index + 2,
      message: 'kunci "' + wrong.key + '" menjorok, tidak sejajar dengan kunci lain; tulis setiap ' +
        'kunci di awal baris, tanpa spasi di depannya',
    };
  }

  // What js-yaml says is wrong (English: "bad indentation of a mapping
  // entry"), in the writer's words, with what to do.
  var YAML_REASONS = [
    [/^bad indentation/, 'baris ini tidak terbaca sebagai "kunci: nilai": nilai yang memuat ": " diapit tanda ' +
      'kutip (misalnya judul: "Rapat: Pleno"), dan kunci ditulis sejajar dengan kunci lain'],
    [/^duplicated mapping key/, 'kunci yang sama ditulis dua kali; hapus salah satunya'],
    [/double quoted scalar/, 'tanda kutip " dibuka tetapi tidak ditutup'],
    [/single quoted scalar/, "tanda kutip ' dibuka tetapi tidak ditutup (tulis '' untuk apostrof di dalamnya)"],
    [/flow collection/, 'daftar dalam [ ] atau { } tidak ditutup, atau kurang koma di antara isinya'],
    [/^tab characters/, 'baris menjorok dengan tab; pakai spasi'],
    [/mapping (pair|entry)|key-value separator|^end of the stream/,
      'baris ini tidak terbaca sebagai "kunci: nilai"; nilai yang memuat ": " atau diawali tanda baca ' +
      'diapit tanda kutip, misalnya judul: "Rapat: Pleno"'],
    [/escape sequence|hexadecimal|JSON character/,
      'garis miring terbalik (\\) di dalam tanda kutip " tidak sah; pakai tanda kutip \' atau hapus garis miringnya'],
    [/alias|anchor/, 'nilai yang diawali * atau & dibaca YAML sebagai rujukan; apit nilai dengan tanda kutip'],
    [/tag/, 'nilai yang diawali ! dibaca YAML sebagai tipe data; apit nilai dengan tanda kutip'],
    [/non-printable|null byte/, 'ada karakter tak terlihat yang tidak sah; ketik ulang baris ini'],
  ];

  function yamlReason(reason) {
    for (var i = 0; i < YAML_REASONS.length; i++) {
      if (YAML_REASONS[i][0].test(reason)) return YAML_REASONS[i][1];
    }
    return 'susunan YAML tidak sah';
  }

  // `text` as a YAML value that both YAML and the build read back as `text`:
  // plain when YAML reads it so (its core types: `2024`, `true` are quoted),
  // else in double quotes (JSON's strings are YAML's). In a flow list, `inList`.
  function yamlText(text, inList) {
    text = String(text);
    if (text && text.indexOf('#') < 0 && text.trim() === text) {
      try {
        var back = YAML.load(inList ? 'k: [' + text + ']' : 'k: ' + text);
        var value = back && back.k;
        if (inList ? Array.isArray(value) && value.length === 1 && value[0] === text : value === text) {
          return text;
        }
      } catch (error) {
        /* quoted below */
      }
    }
    return JSON.stringify(text);
  }

  function yamlList(items) {
    return '[' + items.map(function (item) { return yamlText(item, true); }).join(', ') + ']';
  }

  function makeFormat(keys, data) {
    (data.known_keys || []).forEach(function (key) {
      KNOWN_KEYS[key] = true;
    });
    var byKey = {};
    keys.forEach(function (spec, index) {
      spec.index = index;
      byKey[spec.key.toLowerCase()] = spec;
      (spec.aliases || []).forEach(function (alias) {
        byKey[alias.toLowerCase()] = spec;
      });
    });
    var officialTags = {};
    (data.official_tags || []).forEach(function (tag) {
      officialTags[tag.name] = true;
    });

    // A list field's items as the form holds them.
    function fieldItems(spec, entry) {
      var value = entry[spec.field];
      if (spec.field === 'tags' && data.allow_free_tags) {
        value = [].concat(value || [], entry.free_tags || []);
      }
      if (!Array.isArray(value)) value = splitList(value);
      return value
        .map(function (v) {
          return String(v).trim();
        })
        .filter(Boolean);
    }

    function fieldValue(spec, entry) {
      var value = entry[spec.field];
      if (spec.kind === 'list') {
        var items = fieldItems(spec, entry);
        return pelicanList(items);
      }
      // One line: a line break typed in a textarea (the summary) would end the
      // front matter there, and a blank line would start the body.
      return value === undefined || value === null ? '' : String(value).replace(/\s+/g, ' ').trim();
    }

    // The form's value as a changed line writes it: a key shown as text so that
    // the build reads it back as typed (`referencesKept`). Not a list's items:
    // the build reads a list's references before it splits the list, so a
    // reference kept as text ("&amp;lt;" read as "&lt;") would hold a `;` and
    // split the item; an item is written as typed (one item).
    function writtenValue(spec, entry) {
      var now = fieldValue(spec, entry);
      return spec.text && spec.kind !== 'list' ? referencesKept(now) : now;
    }

    // The address the build publishes a file without `Slug:` under: the slug
    // of the title as the file holds it (release_defaults), which the first
    // save freezes whatever the title has become; '' for a file with one.
    function builtSlug(entry) {
      var slugged = keys.some(function (k) { return k.field === 'slug'; });
      return slugged && !entry.slug ? slugify(entry.title) : '';
    }

    function fromFile(content) {
      var text = String(content || '');
      // A byte-order mark, which the build ignores, kept for the file.
      var bom = text.charAt(0) === '\ufeff' ? '\ufeff' : '';
      text = text.slice(bom.length);
      // CRLF or a lone CR end a line for the build as LF does.
      var eol = text.indexOf('\r\n') >= 0 ? '\r\n' : text.indexOf('\r') >= 0 ? '\r' : '\n';
      var lines = text.split(eol);
      var yaml = readYamlBlock(lines);
      if (yaml && !yaml.problem) {
        var read = fromYaml(eol, lines, yaml);
        read._warta_source.bom = bom;
        return read;
      }
      // The block as the build reads it: to a blank line (of spaces too), a
      // `---` or `...` line, or the first line that is neither a key nor
      // indented four columns under one (the body's first line).
      var header = [];
      var i = 0;
      var closer = false;
      for (; i < lines.length && !(yaml && yaml.problem); i++) {
        var line = expandTabs(lines[i]);
        if (!line.trim()) break;
        if (/^(-{3}|\.{3})/.test(line) && !KEY_LINE_RE.test(line)) {
          closer = header.length > 0;
          break;
        }
        var match = KEY_LINE_RE.exec(line);
        var more = MORE_LINE_RE.exec(line);
        if (match) {
          var spec = byKey[match[1].toLowerCase()];
          header.push({ key: match[1], field: spec ? spec.field : null, raw: lines[i], value: match[2],
            wrapped: false, read: match[2].trim() });
        } else if (more && header.length) {
          var last = header[header.length - 1];
          last.raw += eol + lines[i]; // a continuation line belongs to its key
          last.value += ' ' + more[1].trim();
          last.wrapped = true;
        } else {
          break;
        }
      }
      header.forEach(function (line) {
        // `Tags: [A, B]`, `Tags: "A", "B"`: a list, read as the build reads it.
        var spec = line.field ? byKey[line.key.toLowerCase()] : null;
        if (spec && spec.kind === 'list' && !line.wrapped) line.items = writtenList(line.value);
      });
      var rest = lines.slice(i).join(eol);
      // (The `---` line that ended the block is no part of the body.)
      var ended = closer ? lines[i] + (i < lines.length - 1 ? eol : '') : '';
      var body = rest.slice(ended.length).replace(/^(?:[^\S\r\n]*(?:\r\n|\r|\n))+/, '');
      if (!header.length) body = rest; // (no front matter: the whole text is the body)
      var entry = fill(header);
      entry.body = eol === '\r' ? body.replace(/\r/g, '\n') : body;
      // Everything needed to write the file back as it was (kept in the entry's data).
      entry._warta_source = {
        bom: bom,
        eol: eol,
        lines: header,
        separator: rest.slice(0, rest.length - body.length),
        body: body,
        headed: header.length > 0,
        builtSlug: builtSlug(entry),
        rubrikSupplied: rubrikSupplied(header),
        // A `---` block YAML cannot read: kept in the body, the form empty
        // (`checks` says so); saved only once it reads (`afterProblem`).
        yamlProblem: yaml ? yaml.problem : header.length ? null : indentedFirstKey(lines),
      };
      return entry;
    }

    // The form's values from the front matter's lines ({key, field, value}, or
    // a YAML list's `items`), as the build reads them; each line's `value`
    // then as the form writes it (what toFile compares).
    function fill(header) {
      var entry = {};
      header.forEach(function (line) {
        if (!line.field || line.field in entry) return;
        var spec = byKey[line.key.toLowerCase()];
        var value = line.value.trim();
        var listed = line.items
          ? line.items.map(function (v) { return String(v).trim(); }).filter(Boolean)
          : null;
        if (listed && spec.kind !== 'list' && line.key.toLowerCase() === 'categories') {
          // `categories: [Siaran Pers]`: its first item, as the build reads it
          // (LIST_ALIASES); the others written back after it.
          value = listed[0] || '';
          line.others = listed.slice(1);
        } else if (listed && spec.kind !== 'list') {
          value = pelicanList(listed); // (any other key: its items as one text)
        }
        if (spec.text && spec.kind !== 'list') {
          value = referencesRead(value).trim(); // as the build reads a text key
        }
        if (spec.unmarked) {
          // A title or photo text wholly in a chat's bold or italics
          // (`*Rapat Pleno*`): the build shows it without the marks
          // (warta.markdown_source `without_chat_emphasis`).
          var marked = CHAT_EMPHASIS_RE.exec(value);
          if (marked) value = marked[2];
        }
        if (spec.kind === 'list') {
          // A YAML list's items, each one; else a Region: at every comma and
          // semicolon, tags as Pelican splits them, never inside a reference;
          // then each item's references read (warta.frontmatter `list_items`).
          var items = listed || (spec.field === 'region' ? regionValues(value) : splitList(value));
          if (spec.text) {
            items = items
              .map(function (item) {
                return referencesRead(item).trim();
              })
              .filter(Boolean);
          }
          // Opened with the options chosen: an alias or a code is the option it names.
          if (spec.field === 'region') {
            items = canonicalRegions(items, data);
          } else if (spec.field === 'tags') {
            items = canonicalTags(items, data);
          }
          if (spec.field === 'tags' && data.allow_free_tags) {
            entry.free_tags = items.filter(function (t) {
              return !officialTags[t];
            });
            items = items.filter(function (t) {
              return officialTags[t];
            });
          }
          entry[line.field] = items;
        } else {
          entry[line.field] = value;
        }
        line.value = fieldValue(spec, entry);
        if (line.field === 'date') {
          // The time the build reads (or, for a form it refuses, suggests) in
          // the form the CMS writes: the date field shows it, and a save
          // writes it (`2024-11-17`, `17/11/2024 09.30` opened an empty field).
          var built = dateAsBuilt(value, data.date_forms);
          line.written = { text: value, read: built ? built.read : false, value: built ? built.value : null };
          if (built && built.value !== value) entry.date = built.value;
        }
        if (line.field === 'kedaluwarsa') {
          // A take-down time typed by hand ('20 November 2026 pukul 10.00
          // WIB') opened an empty field: it shows the time the build reads
          // (`when_written`), which a save writes in the field's form. One
          // the field shows ('2024-11-20 10:00') is left as written, as are a
          // time with a fraction of a second (the form would move it) and a
          // value naming no time (which holds the release back).
          var kept = FIELD_FORM.test(value.trim()) || FRACTION.test(value);
          var when = kept ? '' : whenWritten(value, data);
          if (when) entry.kedaluwarsa = when;
        }
      });
      // A release without a rubrik is in the one the build gives it
      // (DEFAULT_CATEGORY): the form shows it (and requires no other); the
      // file is left without it while it stays that one (`rubrikSupplied`).
      if (rubrikSupplied(header)) entry.category = data.default_category;
      return entry;
    }

    // Whether the front matter `header` has no rubrik key the build reads.
    function rubrikSupplied(header) {
      return !!(byKey.category && data.default_category) &&
        !header.some(function (line) { return line.field === 'category'; });
    }

    // Whether toFile leaves the key of `spec` out: the rubrik the build gives
    // a file that has none, unchanged in the form.
    function leftToBuild(spec, entry, source) {
      return spec.field === 'category' && !!source.rubrikSupplied &&
        fieldValue(spec, entry) === data.default_category;
    }

    // A file whose front matter is YAML between `---` lines (`readYamlBlock`).
    function fromYaml(eol, lines, read) {
      var header = read.segments.map(function (segment) {
        var match = YAML_KEY_RE.exec(segment.lines[0]);
        var spec = match ? byKey[match[3].toLowerCase()] : null;
        var value = spec ? builtValue(segment) : null;
        var listed = Array.isArray(value);
        var odd = isMap(value) || (listed && value.some(function (v) { return typeof v !== 'string'; }));
        if (odd) spec = null; // a map, a list of lists: nothing the form shows
        return {
          key: match ? match[3] : segment.key,
          field: spec ? spec.field : null,
          raw: segment.lines.concat(segment.tail).join(eol),
          prefix: match ? match[0] : '',
          tail: segment.tail,
          value: listed || odd || value === null ? '' : value,
          items: listed && !odd ? value : null,
          // (as YAML reads it, for a key the form does not show: `draft: true`)
          read: typeof segment.value === 'string' ? segment.value.trim()
            : segment.value === null && match ? segment.lines[0].slice(match[0].length).trim() : '',
        };
      });
      var entry = fill(header);
      var rest = lines.slice(read.close + 1).join(eol);
      var body = rest.replace(/^(\r?\n)+/, '');
      var named = header.filter(function (line) { return line.key; });
      entry.body = body;
      entry._warta_source = {
        yaml: true,
        eol: eol,
        open: read.open,
        close: lines[read.close],
        lead: read.lead,
        indent: read.indent,
        lines: header,
        // New keys written as the file writes its keys (`title:` or `Title:`).
        lower: named.length > 0 && named.every(function (line) { return line.key === line.key.toLowerCase(); }),
        ends: read.close < lines.length - 1,
        builtSlug: builtSlug(entry),
        rubrikSupplied: rubrikSupplied(header),
        separator: rest.slice(0, rest.length - body.length),
        body: body,
      };
      return entry;
    }

    // A changed value as YAML that YAML and the build read back as the form's:
    // a list field a flow list (or one text when the file wrote one), a key
    // the file wrote as a list (`categories:`) a flow list, any other a text.
    function yamlValue(spec, entry, line) {
      if (spec.kind === 'list') {
        if (line && !line.items) return yamlText(writtenValue(spec, entry));
        return yamlList(fieldItems(spec, entry));
      }
      var now = writtenValue(spec, entry);
      if (line && line.items) return yamlList([now].concat(line.others || []));
      return yamlText(now);
    }

    // The body to write: the file's own when the editor changed nothing but
    // its final line end, else the editor's with the file's line ends.
    function bodyOf(entry, source) {
      var body = entry.body === undefined || entry.body === null ? '' : String(entry.body);
      var lf = function (text) { return text.replace(/\r\n?/g, '\n').replace(/\s+$/, ''); };
      if (lf(body) === lf(source.body)) return source.body;
      body = body.replace(/\r\n?/g, '\n').split('\n').join(source.eol);
      if (body && !/\n$/.test(body)) body += source.eol;
      return body;
    }

    // A YAML front matter written back: unchanged keys' lines (and comments,
    // blank lines, keys the form does not know) byte for byte, a changed
    // value on its key's line (`yamlValue`), the comments below it kept, a new
    // key after the last key that comes before it in `invoke new`'s order.
    function toYaml(entry, source) {
      var eol = source.eol;
      var out = [];
      var written = {};
      source.lines.forEach(function (line) {
        if (!line.field || written[line.field]) {
          out.push({ index: -1, text: line.raw }); // a repeated key: the first one counts
          return;
        }
        written[line.field] = true;
        var spec = byKey[line.key.toLowerCase()];
        var now = fieldValue(spec, entry);
        if (now === line.value) {
          out.push({ index: spec.index, text: line.raw });
        } else if (now !== '' || spec.always) {
          var value = line.prefix + ' ' + yamlValue(spec, entry, line);
          out.push({ index: spec.index, text: [value].concat(line.tail).join(eol) });
        } else if (line.tail.length) {
          out.push({ index: spec.index, text: line.tail.join(eol) });
        }
      });
      keys.forEach(function (spec) {
        if (written[spec.field] || fieldValue(spec, entry) === '' || leftToBuild(spec, entry, source)) return;
        var at = 0;
        out.forEach(function (line, position) {
          if (line.index < spec.index) at = position + 1;
        });
        var name = source.lower ? spec.key.toLowerCase() : spec.key;
        out.splice(at, 0, { index: spec.index, text: source.indent + name + ': ' + yamlValue(spec, entry, null) });
      });
      var body = bodyOf(entry, source);
      var head = [source.open]
        .concat(source.lead, out.map(function (line) { return line.text; }), [source.close])
        .join(eol);
      return head + (source.ends || body ? eol : '') + source.separator + body;
    }

    // A file whose `---` block YAML could not read was opened with the block
    // in the body: saved only once that block reads (fixed in the body), the
    // form's values filling the keys it leaves empty; never with the form's
    // keys written above a `---` block (two front matters).
    function afterProblem(entry, source) {
      var again = fromFile(bodyOf(entry, source));
      var problem = again._warta_source.yamlProblem;
      if (problem) {
        var yamlBlock = readYamlBlock(String(bodyOf(entry, source)).split(/\r\n|\r|\n/));
        throw new Error(
          'front matter ' + (yamlBlock ? 'YAML ' : '') + 'di awal isi naskah tidak terbaca (baris ' +
          problem.line + ': ' +
          problem.message + '). Naskah tidak disimpan agar isinya tidak hilang: perbaiki ' +
          'front matter itu di kolom isi, lalu simpan lagi.'
        );
      }
      keys.forEach(function (spec) {
        if (fieldValue(spec, again) !== '' || fieldValue(spec, entry) === '') return;
        again[spec.field] = entry[spec.field];
        if (spec.field === 'tags') again.free_tags = entry.free_tags;
      });
      return toFile(again);
    }

    // The file's text for the form's values (and its byte-order mark, if it had one).
    function toFile(entry) {
      var source = entry._warta_source;
      return ((source && source.bom) || '') + writeFile(entry);
    }

    function writeFile(entry) {
      var source = entry._warta_source;
      if (source && source.yamlProblem) return afterProblem(entry, source);
      var isNew = !source;
      source = source || { eol: '\n', lines: [], separator: '\n', body: '', headed: true };
      if (keys.some(function (k) { return k.field === 'slug'; }) && !entry.slug) {
        entry.slug = source.builtSlug || slugify(entry.title);
      }
      if (keys.some(function (k) { return k.field === 'thread'; }) && isNew && !entry.thread) {
        entry.thread = threadId();
      }
      if (source.yaml) return toYaml(entry, source);
      var out = [];
      var written = {};
      source.lines.forEach(function (line) {
        if (!line.field) {
          out.push({ index: -1, text: line.raw });
          return;
        }
        var spec = byKey[line.key.toLowerCase()];
        if (written[line.field]) {
          out.push({ index: -1, text: line.raw }); // a repeated key: the first one counts
          return;
        }
        written[line.field] = true;
        var now = fieldValue(spec, entry);
        if (now === line.value) {
          out.push({ index: spec.index, text: line.raw });
        } else if (now !== '' || spec.always) {
          out.push({ index: spec.index, text: line.key + ': ' + writtenValue(spec, entry) });
        }
      });
      keys.forEach(function (spec) {
        if (written[spec.field]) return;
        var now = fieldValue(spec, entry);
        if (now === '' && !(spec.always && isNew)) return;
        if (leftToBuild(spec, entry, source)) return;
        // After the last line of a key that comes earlier in `invoke new`'s order.
        var at = 0;
        out.forEach(function (line, position) {
          if (line.index < spec.index) at = position + 1;
        });
        if (!source.headed && !out.length) at = 0;
        out.splice(at, 0, { index: spec.index, text: spec.key + ': ' + writtenValue(spec, entry) });
      });
      var body = bodyOf(entry, source); // (the editor may trim the final newline: the file's kept)
      if (!out.length) return body;
      var header = out
        .map(function (line) {
          return line.text;
        })
        .join(source.eol);
      // The file's own lines between the front matter and the body; a blank
      // line before a body that had none or was changed (its first line
      // could be read as a key).
      var separator = source.separator;
      if (!separator && body && (isNew || !source.headed || body !== source.body)) separator = source.eol;
      return header + source.eol + separator + body;
    }

    return { fromFile: fromFile, toFile: toFile };
  }

  // ---- widgets ----------------------------------------------------------------

  function registerWidgets(CMS) {
    var h = window.h;
    // Decap re-renders a control only when its own value changes; the alt text
    // reads another field (the photo), so it re-renders with the entry.
    var always = function () {
      return true;
    };
    // Shows the address; a new entry gets it at its first save (`preSave`:
    // Decap does not re-render this control when the title changes, so it
    // cannot follow the title as it is typed).
    var SlugControl = window.createClass({
      render: function () {
        return h('input', {
          type: 'text',
          id: this.props.forID,
          className: this.props.classNameWrapper,
          value: this.props.value || '',
          readOnly: true,
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
        });
      },
    });
    var AltControl = window.createClass({
      shouldComponentUpdate: always,
      isValid: function () {
        var entry = this.props.entry;
        var image = entry && entry.getIn(['data', 'image']);
        if (image && !String(this.props.value || '').trim()) {
          return {
            error: {
              type: 'PRESENCE',
              message: 'Teks alternatif foto wajib diisi karena berita ini memakai foto.',
            },
          };
        }
        return true;
      },
      onInput: function (event) {
        this.props.onChange(event.target.value);
      },
      render: function () {
        return h('input', {
          type: 'text',
          id: this.props.forID,
          className: this.props.classNameWrapper,
          value: this.props.value || '',
          onChange: this.onInput,
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
        });
      },
    });
    var TextPreview = window.createClass({
      render: function () {
        return h('span', {}, this.props.value || '');
      },
    });
    // Decap's datetime widget writes the browser's own time: a laptop set to WIT
    // or UTC would embargo or back-date a release by hours. This one writes the
    // wall-clock time typed, which the label says is WIB, and starts at now in WIB.
    // The field's value ("2024-11-17 09:30", ":SS" when it has seconds) as
    // the input takes it ("2024-11-17T09:30").
    var dateInputValue = function (value) {
      var text = String(value || '').replace(' ', 'T');
      return /T\d{2}:\d{2}:\d{2}$/.test(text) ? text : text.slice(0, 16);
    };
    var WibDateControl = window.createClass({
      componentDidMount: function () {
        var entry = this.props.entry;
        var field = this.props.field;
        // (the take-down date, "warta-datetime", starts empty: it is optional)
        var optional = field && field.get && field.get('widget') === 'warta-datetime';
        if (!optional && !this.props.value && entry && entry.get('newRecord')) this.props.onChange(nowInWib());
      },
      onInput: function (event) {
        this.props.onChange(String(event.target.value || '').replace('T', ' '));
      },
      render: function () {
        return h('input', {
          type: 'datetime-local',
          id: this.props.forID,
          className: this.props.classNameWrapper,
          value: dateInputValue(this.props.value),
          step: /:\d{2}:\d{2}$/.test(String(this.props.value || '')) ? 1 : undefined,
          onChange: this.onInput,
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
        });
      },
    });
    CMS.registerWidget('warta-slug', SlugControl, TextPreview);
    // Under Decap's own name: Decap takes the release's date (a photo's
    // images/{{year}} folder) from the field whose widget is "datetime".
    CMS.registerWidget('datetime', WibDateControl, TextPreview);
    // The take-down date (`Kedaluwarsa:`): the same input, empty until typed.
    CMS.registerWidget('warta-datetime', WibDateControl, TextPreview);
    CMS.registerWidget('warta-alt', AltControl, TextPreview);
  }

  // ---- the select fields: what a name finds, the best first ------------------

  // How a select field compares what is typed: the key of a spelling, and the
  // option the build reads a typed value as (a Region: value, a tag), if one.
  function selectKind(name, data) {
    if (name === 'region') {
      return {
        key: spellingKey,
        read: function (text) {
          var spellings = data.region_spellings || {};
          return spellings['=' + text.trim()] || spellings[spellingKey(text)];
        },
      };
    }
    if (name === 'tags') {
      return {
        key: tagKey,
        read: function (text) {
          return (data.tag_spellings || {})[tagKey(text)];
        },
      };
    }
    return { key: spellingKey, read: function () { return undefined; } };
  }

  // Option value → the keys of every spelling the build reads as it: a
  // region's name with and without its level word, its aliases, seat and
  // numbered spellings (config.py region_spellings, region_contexts: "Pagar
  // Alam" is "pagaralam", so "Pagaralam" finds it); a tag's name and aliases
  // (tag_spellings).
  function spellingsByOption(data) {
    var found = { region: {}, tags: {} };
    var add = function (table, value, key) {
      (table[value] = table[value] || []).push(key);
    };
    Object.keys(data.region_spellings || {}).forEach(function (key) {
      if (key.charAt(0) !== '=') add(found.region, data.region_spellings[key], key);
    });
    Object.keys(data.region_contexts || {}).forEach(function (key) {
      data.region_contexts[key].forEach(function (candidate) {
        add(found.region, candidate[0], key);
      });
    });
    Object.keys(data.tag_spellings || {}).forEach(function (key) {
      if (',;'.indexOf(key.charAt(0)) < 0) add(found.tags, data.tag_spellings[key], key);
    });
    return found;
  }

  // An option's own name: its label before the parents, the aliases and the
  // code ("Kabupaten Musi Banyuasin — Sumatera Selatan (Muba) · 16.06"), a
  // tag's after its group ("Isu › Politik Uang").
  function optionName(label) {
    var name = String(label).split(' · ')[0].split(' — ')[0].replace(/\s*\(.*\)$/, '');
    return name.split(' › ').pop();
  }

  // Whether `option` is one `typed` finds: its label holds it (letters and
  // digits compared, "pagar alam" finds "Pagar Alam"), or a spelling the
  // build reads as the option does ("Pagaralam", "Lubuklinggau", "Kayuagung").
  function optionMatches(option, typed, kind, spellings) {
    var compact = spellingKey(typed);
    if (!compact) return true;
    if (spellingKey(option.label + ' ' + option.value).indexOf(compact) >= 0) return true;
    var key = kind.key(typed);
    return !!key && (spellings[option.value] || []).some(function (known) {
      return known.indexOf(key) >= 0;
    });
  }

  // How well `option` answers `typed` (lower is better): the option the build
  // reads it as ("Banyuasin" is Kabupaten Banyuasin, "DPT" Daftar Pemilih
  // Tetap, "politik uang" Politik Uang), an option of which it is a whole
  // spelling ("Pendopo": PALI's town, then Empat Lawang's kecamatan, which the
  // build cannot tell apart without context), a name it begins, a spelling
  // it begins, a word of the label it begins, anything else it matches.
  function optionRank(option, typed, kind, spellings) {
    var key = kind.key(typed);
    var compact = spellingKey(typed);
    if (!key) return 9;
    if (kind.read(typed) === option.value) return 0;
    var known = spellings[option.value] || [];
    var kecamatan = /^\d+\.\d+\.\d+$/.test(String(option.value)) ? 0.5 : 0;
    if (known.indexOf(key) >= 0) return 1 + kecamatan;
    var name = optionName(option.label);
    var bare = name.replace(/^(Kabupaten|Kota|Provinsi|Kecamatan)\s+/i, '');
    if (spellingKey(name).indexOf(compact) === 0 || spellingKey(bare).indexOf(compact) === 0)
      return 2 + kecamatan;
    if (known.some(function (k) { return k.indexOf(key) === 0; })) return 3 + kecamatan;
    var words = String(option.label).split(/[\s(),—·›-]+/).map(spellingKey);
    if (words.some(function (w) { return w && w.indexOf(compact) === 0; })) return 4;
    return 5;
  }

  // react-select's words for screen readers, in Indonesian (its own are English:
  // "0 results available for search term …", "option …, selected.").
  function position(list, item) {
    return list && list.length ? (list.indexOf(item) + 1) + ' dari ' + list.length : '';
  }

  var SELECT_MESSAGES = {
    guidance: function (props) {
      if (props.context === 'menu') {
        return 'Panah atas dan bawah menyorot pilihan, Enter memilih yang disorot, ' +
          'Escape menutup daftar.';
      }
      if (props.context === 'input') {
        return (props.label ? props.label + ': ' : '') + 'ketik untuk mencari, panah bawah ' +
          'membuka daftar' + (props.isMulti ? ', panah kiri menyorot pilihan yang sudah dipilih.' : '.');
      }
      if (props.context === 'value') {
        return 'Panah kiri dan kanan berpindah antarpilihan yang dipilih, Backspace menghapus yang disorot.';
      }
      return '';
    },
    onChange: function (props) {
      var label = props.label || '';
      switch (props.action) {
        case 'deselect-option':
        case 'pop-value':
        case 'remove-value':
          return 'Pilihan ' + label + ' dihapus.';
        case 'clear':
          return 'Semua pilihan dihapus.';
        case 'initial-input-focus':
          return 'Terpilih: ' + label + '.';
        case 'select-option':
          return 'Pilihan ' + label + (props.isDisabled ? ' tidak dapat dipilih.' : ' dipilih.');
        default:
          return '';
      }
    },
    onFocus: function (props) {
      var label = props.label || '';
      if (props.context === 'value') {
        return 'Pilihan terpilih ' + label + ' disorot, ' + position(props.selectValue, props.focused) + '.';
      }
      if (props.context === 'menu') {
        return 'Pilihan ' + label + ' disorot' + (props.isSelected ? ', sudah dipilih' : '') +
          (props.isDisabled ? ', tidak dapat dipilih' : '') + ', ' + position(props.options, props.focused) + '.';
      }
      return '';
    },
    onFilter: function (props) {
      return props.resultsMessage + (props.inputValue ? ' untuk “' + props.inputValue + '”' : '') + '.';
    },
  };

  function selectStatus(props) {
    return props.count + ' pilihan tersedia';
  }

  // Decap's select, given the ranking, the spellings and the Indonesian
  // messages above: Decap passes its react-select none of these, so the
  // element its control renders is made again with them. Enter takes the
  // first option, and the first is the best one (a new list each time the
  // text changes: react-select keeps the option it had highlighted only if
  // that same option is in the new list).
  function registerSelects(CMS, data) {
    var widget = CMS.getWidget && CMS.getWidget('select');
    if (!widget || !widget.control) return;
    var h = window.h;
    var Base = widget.control;
    var tables = spellingsByOption(data);
    class WartaSelect extends Base {
      render() {
        var element = super.render();
        var self = this;
        var name = this.props.field.get('name');
        var kind = selectKind(name, data);
        var spellings = tables[name] || {};
        var typed = this.wartaTyped || '';
        var options = element.props.options;
        if (typed) {
          options = options
            .map(function (option, index) {
              return { option: option, index: index, rank: optionRank(option, typed, kind, spellings) };
            })
            .sort(function (a, b) { return a.rank - b.rank || a.index - b.index; })
            .map(function (ranked) { return ranked.option; });
        }
        return h(element.type, Object.assign({}, element.props, {
          options: options,
          filterOption: function (candidate, input) {
            return optionMatches(candidate.data, input, kind, spellings);
          },
          onInputChange: function (value) {
            if (value !== self.wartaTyped) {
              self.wartaTyped = value;
              self.forceUpdate();
            }
          },
          ariaLiveMessages: SELECT_MESSAGES,
          screenReaderStatus: selectStatus,
          noOptionsMessage: function () {
            return 'Tidak ada pilihan yang cocok.';
          },
        }));
      }
    }
    CMS.registerWidget('select', WartaSelect, widget.preview, widget.schema);
  }

  // ---- a photo in the body ----------------------------------------------------

  // "Foto" in the body's "Tambah komponen" menu, in place of Decap's "Image"
  // and "Code Block" (English, and its Image wrote the photo beside the
  // release, without alt text, where the build refuses it): the photo goes
  // where the featured photo goes, its alt text is asked for, and the line is
  // the one the writer's guide shows, ![alt]({static}/images/2026/foto.jpg).
  var PHOTO_LINE_RE = /^!\[([^\]\n]*)\]\(\{static\}\/?([^)\s]+)\)$/;

  function escapeHtml(text) {
    return String(text || '').replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function registerPhotoComponent(CMS, config) {
    var berita = (config.collections || []).filter(function (c) { return c.name === 'berita'; })[0];
    var featured = berita && berita.fields.filter(function (f) { return f.name === 'image'; })[0];
    if (!featured) return;
    CMS.registerEditorComponent({
      id: 'warta-foto',
      label: 'Foto',
      fields: [
        {
          name: 'src',
          label: 'Foto',
          widget: 'image',
          choose_url: false,
          media_folder: featured.media_folder,
          public_folder: featured.public_folder,
          media_library: featured.media_library,
        },
        {
          name: 'alt',
          label: 'Teks alternatif foto',
          widget: 'string',
          hint: 'Wajib: jelaskan isi foto untuk pembaca tunanetra.',
        },
      ],
      pattern: PHOTO_LINE_RE,
      fromBlock: function (match) {
        return { alt: match[1], src: match[2] };
      },
      toBlock: function (data) {
        var src = String(data.src || '').replace(/^\/+/, '');
        var alt = String(data.alt || '').replace(/[\[\]\n]+/g, ' ').trim();
        return src ? '![' + alt + ']({static}/' + src + ')' : '';
      },
      toPreview: function (data) {
        return '<img src="' + escapeHtml('/' + String(data.src || '').replace(/^\/+/, '')) +
          '" alt="' + escapeHtml(data.alt) + '">';
      },
    });
  }

  // ---- the dateline, as the build reads it (warta/regions/dateline.py) ---------

  // The build's own patterns and word lists (config.json `warta.dateline`,
  // plugins/cms/config.py dateline_forms), compiled once.
  function datelineForms(data) {
    if (data._datelineForms) return data._datelineForms;
    var forms = data.dateline || {};
    if (!forms.head) return null;
    var compile = function (form, extra, wrap) {
      var source = wrap ? wrap.replace('#', form.source) : form.source;
      return new RegExp(source, form.flags + (extra || ''));
    };
    var set = function (list) {
      var found = Object.create(null);
      (list || []).forEach(function (word) { found[word] = true; });
      return found;
    };
    var compiled = {
      head: compile(forms.head, 'd'),
      secondPart: compile(forms.second_part, 'dy'),
      placeSeparator: compile(forms.place_separator, 'g'),
      dayRange: compile(forms.day_range, 'g'),
      rangeDashes: compile(forms.range_dashes, 'g'),
      dateToken: compile(forms.date_token, '', '^(?:#)$'),
      sentenceStart: compile(forms.sentence_start, '', '^(?:#)'),
      dateStart: compile(forms.date_start, '', '^(?:#)'),
      secondPartAtStart: compile(forms.second_part, '', '^(?:#)'),
      segment: compile(forms.segment, 'g'),
      colons: forms.colons,
      emphasis: forms.emphasis,
      wordEdge: forms.word_edge,
      maxHeadChars: forms.max_head_chars,
      maxHeadWords: forms.max_head_words,
      days: set(forms.day_names),
      months: set(forms.month_names),
      timeWords: set(forms.time_words),
      degrees: set(forms.degrees),
      roles: set(forms.role_words),
      addressEnds: forms.address_ends || [],
      home: forms.home || '',
    };
    Object.defineProperty(data, '_datelineForms', { value: compiled, enumerable: false });
    return compiled;
  }

  // Python's str.strip(chars), lstrip(chars) and split().
  function stripChars(text, chars, left) {
    var start = 0;
    var end = text.length;
    while (start < end && chars.indexOf(text.charAt(start)) >= 0) start++;
    while (!left && end > start && chars.indexOf(text.charAt(end - 1)) >= 0) end--;
    return text.slice(start, end);
  }
  function wordsOf(text) {
    return String(text).split(/\s+/).filter(Boolean);
  }
  // Python's str.isupper(): a cased letter, and no lower-case one.
  function isUpper(text) {
    return text !== text.toLowerCase() && text === text.toUpperCase();
  }
  function startsUpperOrDigit(word) {
    var first = word.charAt(0);
    return /\d/.test(first) || (first !== first.toLowerCase() && first === first.toUpperCase());
  }

  // A spelling of the place's words, as `region_spellings` and
  // `region_contexts` hold them: {value} for one option, {candidates} for a
  // name several share ("Pendopo"), null for none.
  function placeNamed(words, data) {
    var key = spellingKey(words);
    if (!key) return null;
    var candidates = (data.region_contexts || {})[key];
    var value = (data.region_spellings || {})[key];
    if (value) return { value: value, candidates: candidates || null };
    return candidates ? { value: null, candidates: candidates } : null;
  }

  function regionCode(value, data) {
    if (/^\d{2}(\.\d{2}){1,2}\d?$/.test(value)) return value;
    if (!data._regionCodes) {
      var codes = {};
      Object.keys(data.region_spellings || {}).forEach(function (key) {
        if (key.charAt(0) === '=') codes[data.region_spellings[key]] = key.slice(1);
      });
      Object.defineProperty(data, '_regionCodes', { value: codes, enumerable: false });
    }
    return data._regionCodes[value] || '';
  }

  function isKecamatanCode(code) {
    return code.split('.').length > 2;
  }

  function isWithin(code, region) {
    return code === region || code.indexOf(region + '.') === 0;
  }

  // `is_place` of the build (dateline.py names_a_place): a place the
  // gazetteer knows, or a name kabupaten/kota share; not a name only
  // kecamatan share.
  function isPlaceIn(data) {
    return function (words) {
      var found = placeNamed(words, data);
      if (!found) return false;
      if (found.value) return true;
      return found.candidates.some(function (c) { return !isKecamatanCode(c[1][0]); });
    };
  }

  // dateline.py is_date_part: a day, a date or a time and nothing else.
  function isDatePart(text, f) {
    var words = wordsOf(stripChars(text, f.emphasis + ' ,.()'));
    if (!words.length) return false;
    var digits = /\d/.test(text);
    var dated = false;
    for (var i = 0; i < words.length; i++) {
      var bare = stripChars(words[i], f.emphasis + ',()').toLowerCase();
      var days = bare.split(f.rangeDashes);
      if (days.length > 1 && days.every(function (day) { return f.days[day]; })) {
        dated = true;
      } else if (f.days[bare] || f.months[bare.replace(/\.+$/, '')]) {
        dated = dated || !!f.days[bare] || digits;
      } else if (f.dateToken.test(bare)) {
        dated = dated || /\d/.test(bare);
      } else if (!f.timeWords[bare]) {
        return false;
      }
    }
    return dated;
  }

  // dateline.py _head_segments.
  // dateline.py _head_parts: cut at commas and parentheses, and at a slash
  // between words as a portal writes its agency ("BATURAJA/ANTARA", read as
  // "Baturaja (ANTARA)"), unless the words with the slash name a place or
  // hold a date.
  function headSegments(head, f, isPlace) {
    var found = [];
    var ends = f.emphasis + ' .;' + f.colons;
    head.replace(f.segment, function (match, inner, outer) {
      var raw = inner || outer || '';
      var pieces = [raw];
      if (raw.indexOf('/') >= 0 && !/[0-9]/.test(raw)) {
        var whole = stripChars(raw, ends);
        if (!isPlace || !isPlace(whole)) pieces = raw.split('/');
      }
      pieces.forEach(function (piece) {
        var cleaned = stripChars(piece, ends);
        if (cleaned) found.push({ text: cleaned, inParentheses: !!inner });
      });
      return match;
    });
    return found;
  }

  // dateline.py _segment_kind: P a place, D a date or time, C a code in
  // capitals, G degrees, I an institution or a role, U capitalised words, O
  // anything else.
  function segmentKind(text, f, isPlace) {
    var words = wordsOf(text);
    if (isDatePart(text, f)) return 'D';
    var letters = text.replace(/[. ]/g, '');
    if (isUpper(text)) {
      var degrees = words.every(function (word) {
        var token = stripChars(word, ',');
        return f.degrees[token.replace(/\./g, '')] || (stripChars(token, '.').indexOf('.') >= 0 &&
          !f.addressEnds.some(function (end) { return token.slice(-end.length) === end; }));
      });
      if (degrees) return 'G';
    }
    if (words.some(function (word) { return f.roles[stripChars(word, '.,').toLowerCase()]; })) return 'I';
    if (isPlace(text)) return 'P';
    if (isUpper(text) && letters.length > 1) return 'C';
    if (words.every(startsUpperOrDigit) && words.length <= 4) return 'U';
    return 'O';
  }

  function kindsOf(head, f, isPlace) {
    return headSegments(head, f, isPlace).map(function (s) { return segmentKind(s.text, f, isPlace); });
  }

  // dateline.py is_place_head: the words before a colon or a hyphen between
  // words are a dateline.
  function isPlaceHead(head, f, isPlace) {
    head = stripChars(head, f.emphasis + ' ,');
    if (!head || wordsOf(head).length > f.maxHeadWords) return false;
    var kinds = kindsOf(head, f, isPlace);
    return kinds.length > 0 && (kinds[0] === 'P' || kinds[0] === 'C') && kinds.indexOf('P') >= 0 &&
      !kinds.some(function (k) { return k === 'O' || k === 'G' || k === 'U'; });
  }

  // dateline.py _hyphenated: the word a hyphen between words joins.
  function hyphenated(paragraph, start, end, f) {
    while (start > 0 && f.wordEdge.indexOf(paragraph.charAt(start - 1)) < 0) start--;
    while (end < paragraph.length && f.wordEdge.indexOf(paragraph.charAt(end)) < 0) end++;
    return stripChars(paragraph.slice(start, end), f.emphasis);
  }

  // dateline.py read_head: the head before the first separator, with the
  // days, dates or times set off by more; a colon or a hyphen between words
  // only after a place. {text, end}, or null.
  function readHead(paragraph, f, isPlace) {
    var masked = paragraph.replace(f.dayRange, function () {
      var match = arguments[0];
      var dash = arguments[arguments.length - 1].dash;
      return match.split(dash).join(new Array(dash.length + 1).join('~'));
    });
    var start = paragraph.length - stripChars(paragraph, f.emphasis + ' ', true).length;
    var match = f.head.exec(masked.slice(start));
    var found = null;
    if (match) {
      var head = match.indices.groups.head;
      found = [start + head[0], start + head[1], start + match.index + match[0].length];
    }
    var limit = found ? found[1] : Math.min(masked.length, start + f.maxHeadChars);
    var scoped = masked.slice(0, limit);
    f.placeSeparator.lastIndex = start;
    var separator;
    while ((separator = f.placeSeparator.exec(scoped))) {
      var at = separator.index;
      var after = at + separator[0].length;
      if (f.colons.indexOf(separator[0].trim()) < 0 && isPlace(hyphenated(paragraph, at, after, f))) continue;
      if (isPlaceHead(paragraph.slice(start, at), f, isPlace)) {
        found = [start, at, after];
        break;
      }
    }
    if (!found) return null;
    var text = stripChars(paragraph.slice(found[0], found[1]), f.emphasis + ' ,');
    if (!text || wordsOf(text).length > f.maxHeadWords) return null;
    var end = found[2];
    for (;;) {
      f.secondPart.lastIndex = end;
      var second = f.secondPart.exec(masked);
      if (!second) break;
      var part = second.indices.groups.part;
      var words = paragraph.slice(part[0], part[1]).trim();
      if (!isDatePart(words, f)) break;
      text = text + ', ' + words;
      end = second.index + second[0].length;
    }
    return { text: text, end: end };
  }

  // dateline.py is_dateline: a head that is a dateline, not a subject set off
  // by dashes.
  function isDateline(head, rest, f, isPlace) {
    var kinds = kindsOf(head, f, isPlace);
    var has = function (kind) { return kinds.indexOf(kind) >= 0; };
    if (!kinds.length || has('O')) return false;
    if (!f.sentenceStart.test(rest) && (!has('P') || f.secondPartAtStart.test(rest))) return false;
    if (kinds[kinds.length - 1] === 'D' && f.dateStart.test(rest)) return false;
    if (has('P') || kinds.every(function (k) { return k === 'D'; })) return true;
    if (kinds[0] === 'C') return true;
    if (has('G') || has('I')) return false;
    if ((isUpper(head) && has('U')) || has('C')) return true;
    return kinds[0] === 'U' && kinds.length > 1 && kinds.slice(1).every(function (k) { return k === 'D'; });
  }

  // dateline.py dateline_head.
  function datelineHead(paragraph, f, isPlace) {
    var head = readHead(paragraph, f, isPlace);
    if (!head) return null;
    var rest = paragraph.slice(head.end).trim();
    return !rest || isDateline(head.text, rest, f, isPlace) ? head : null;
  }

  // A Markdown paragraph's text as the build reads it from the page
  // (`plain_text` of Python-Markdown's HTML, with smarty's dashes): photos,
  // links' addresses, tags and emphasis marks left out, one space between words.
  function markdownText(block) {
    return block
      .replace(/^\s{0,3}>\s?/gm, '')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\\([\\`*_{}\[\]()#+.!-])/g, '$1')
      .replace(/---/g, '\u2014')
      .replace(/--/g, '\u2013')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  // The lead's text: the first paragraph with text (no heading, list or
  // photo alone); a dateline alone in its paragraph ("PRABUMULIH –") heads
  // the next one (dateline.py first_paragraph).
  function leadParagraph(body, f, isPlace) {
    var blocks = String(body || '').split(/\n[ \t]*\n/);
    var texts = [];
    for (var i = 0; i < blocks.length && texts.length < 2; i++) {
      if (/^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|```|~~~|<!--)/.test(blocks[i])) continue;
      var text = markdownText(blocks[i]);
      if (text) texts.push(text);
    }
    if (!texts.length) return '';
    var head = readHead(texts[0], f, isPlace);
    if (head && !texts[0].slice(head.end).trim() && texts.length > 1) return texts[0] + ' ' + texts[1];
    return texts[0];
  }

  // Python's difflib ratio (Ratcliff/Obershelp): twice the characters the two
  // have in common, in order, over their lengths together.
  function similarity(a, b) {
    var matched = function (x, y) {
      if (!x.length || !y.length) return 0;
      var best = 0;
      var endX = 0;
      var endY = 0;
      var previous = new Array(y.length + 1).fill(0);
      for (var i = 1; i <= x.length; i++) {
        var current = new Array(y.length + 1).fill(0);
        for (var j = 1; j <= y.length; j++) {
          if (x.charAt(i - 1) === y.charAt(j - 1)) {
            current[j] = previous[j - 1] + 1;
            if (current[j] > best) {
              best = current[j];
              endX = i;
              endY = j;
            }
          }
        }
        previous = current;
      }
      if (!best) return 0;
      return best + matched(x.slice(0, endX - best), y.slice(0, endY - best)) +
        matched(x.slice(endX), y.slice(endY));
    };
    return a.length + b.length ? (2 * matched(a, b)) / (a.length + b.length) : 0;
  }

  // The option a misspelt place looks most like (as `Gazetteer.closest`: a
  // ratio of at least 0.75, the home province's first), or null.
  var CLOSEST_CUTOFF = 0.75;
  function closestRegion(words, data, f) {
    var key = spellingKey(words);
    if (key.length < 3) return null;
    var best = null;
    var consider = function (spelling, value) {
      var bound = (2 * Math.min(key.length, spelling.length)) / (key.length + spelling.length);
      if (bound < CLOSEST_CUTOFF) return;
      var ratio = similarity(key, spelling);
      if (ratio < CLOSEST_CUTOFF) return;
      var home = f.home && isWithin(regionCode(value, data), f.home) ? 1 : 0;
      if (!best || home > best.home || (home === best.home && ratio > best.ratio))
        best = { value: value, ratio: ratio, home: home };
    };
    Object.keys(data.region_spellings || {}).forEach(function (spelling) {
      if (spelling.charAt(0) !== '=') consider(spelling, data.region_spellings[spelling]);
    });
    Object.keys(data.region_contexts || {}).forEach(function (spelling) {
      data.region_contexts[spelling].forEach(function (c) { consider(spelling, c[0]); });
    });
    return best ? best.value : null;
  }

  // What the build reads of the release's dateline (dateline.py
  // read_dateline, without the offices of the lead):
  //   head: the dateline as the build reads it, null when the lead opens with none;
  //   words, region: the place that gives the region and its option;
  //   ambiguous: the option values of a place several share, none of them chosen;
  //   closest: for a dateline (or what would be one) that names no known place,
  //     the option it looks most like.
  function readDateline(body, data) {
    var f = datelineForms(data);
    var found = { head: null, words: null, region: null, ambiguous: null, closest: null };
    if (!f) return found;
    var isPlace = isPlaceIn(data);
    var paragraph = leadParagraph(body, f, isPlace);
    var head = datelineHead(paragraph, f, isPlace);
    var written = head || readHead(paragraph, f, isPlace);
    if (!written) return found;
    found.head = head ? head.text : null;
    var segments = headSegments(written.text, f, isPlace).filter(function (s) { return /[A-Za-z]/.test(s.text); });
    if (head) {
      var places = segments.map(function (s) { return placeNamed(s.text, data); });
      var regions = places.map(function (place) {
        var code = place && place.value ? regionCode(place.value, data) : '';
        return code && !isKecamatanCode(code) ? code : '';
      });
      var fallback = null;
      for (var i = 0; i < segments.length; i++) {
        var place = places[i];
        if (segments[i].inParentheses || !place) continue;
        var others = regions.filter(function (code, other) { return code && other !== i; });
        var value = place.value;
        if (others.length && place.candidates) {
          var inside = place.candidates.filter(function (c) {
            return others.some(function (code) { return c[1].indexOf(code) >= 0; });
          });
          value = inside.length === 1 ? inside[0][0] : inside.length ? null : value;
        }
        var code = value ? regionCode(value, data) : '';
        if (value && (!others.length || others.some(function (o) { return isWithin(code, o); }))) {
          found.words = segments[i].text;
          found.region = value;
          return found;
        }
        if (value && !fallback) fallback = { words: segments[i].text, region: value };
        if (!value && !found.ambiguous) {
          found.words = segments[i].text;
          found.ambiguous = place.candidates.map(function (c) { return c[0]; });
        }
      }
      if (!fallback) {
        var named = regions.map(function (code, index) {
          return code && segments[index].inParentheses ? index : -1;
        }).filter(function (index) { return index >= 0; });
        if (named.length) fallback = { words: segments[0].text, region: places[named[0]].value };
      }
      if (fallback) {
        found.words = fallback.words;
        found.region = fallback.region;
        found.ambiguous = null;
        return found;
      }
      if (found.ambiguous) return found;
    }
    for (var s = 0; s < segments.length && !found.closest; s++) {
      if (!placeNamed(segments[s].text, data)) {
        found.closest = closestRegion(segments[s].text, data, f);
        if (found.closest) found.words = segments[s].text;
      }
    }
    return found;
  }

  // An option's name without its code and aliases: "Kabupaten Lahat — Sumatera Selatan".
  function regionName(value, data) {
    var label = (data.regions || {})[value] || value;
    return label.split(' · ')[0].split(' (')[0];
  }

  // ---- preview ----------------------------------------------------------------

  // What the preview says of the region a release without Wilayah gets from
  // its dateline (`readDateline`), as the build will: [level, message].
  function datelineProblem(dateline, data) {
    var quoted = '“' + dateline.words + '”';
    if (dateline.region)
      return ['saran', 'Wilayah belum dipilih: situs menyimpulkannya dari dateline ' + quoted + ' (' +
        regionName(dateline.region, data) + ') atau dari kantor Bawaslu yang disebut di teras berita.'];
    if (dateline.ambiguous)
      return ['peringatan', 'Wilayah belum dipilih dan ' + quoted + ' pada dateline adalah nama lebih dari satu wilayah (' +
        dateline.ambiguous.map(function (v) { return regionName(v, data); }).join('; ') +
        '): situs tidak menebak, kecuali teras berita menyebut kantor Bawaslu wilayah itu. Pilih Wilayah.'];
    var closest = dateline.closest ? ' (mungkin maksudnya ' + regionName(dateline.closest, data) + '?)' : '';
    if (dateline.head)
      return ['peringatan', 'Wilayah belum dipilih dan dateline “' + dateline.head + '” tidak menyebut tempat yang dikenal situs' +
        closest + ': wilayah tidak dapat disimpulkan darinya. Pilih Wilayah, atau perbaiki dateline.'];
    if (dateline.closest)
      return ['peringatan', 'Wilayah belum dipilih dan isi berita tidak dimulai dengan dateline yang dibaca situs: ' +
        quoted + ' bukan nama tempat yang dikenal' + closest + '. Pilih Wilayah, atau perbaiki dateline.'];
    return ['peringatan', 'Wilayah belum dipilih dan isi berita tidak dimulai dengan dateline.'];
  }

  function checks(entry, data) {
    var rules = data.rules;
    var get = function (name) {
      var value = entry.getIn(['data', name]);
      return value && value.toJS ? value.toJS() : value;
    };
    var problems = [];
    var unread = yamlNote(get('body'));
    if (unread) problems.push(['kesalahan', unread]);
    problems = problems.concat(dateProblems(get, data));
    var title = String(get('title') || '').trim();
    var summary = String(get('summary') || '').trim();
    var body = String(get('body') || '').trim();
    var regions = get('region') || [];
    var tags = get('tags') || [];
    if (title.length < rules.title_min || title.length > rules.title_max)
      problems.push(['peringatan', 'Judul ' + title.length + ' karakter; sebaiknya ' + rules.title_min + '–' + rules.title_max + '.']);
    if (!summary) problems.push(['peringatan', 'Ringkasan belum diisi.']);
    else if (summary.length < rules.summary_min || summary.length > rules.summary_max)
      problems.push(['peringatan', 'Ringkasan ' + summary.length + ' karakter; sebaiknya ' + rules.summary_min + '–' + rules.summary_max + '.']);
    var dateline = readDateline(body, data);
    if (!regions.length) problems.push(datelineProblem(dateline, data));
    regions.forEach(function (region) {
      if (!data.regions[region]) problems.push(['kesalahan', 'Wilayah tidak dikenal: “' + region + '”. Pilih dari daftar.']);
    });
    if (!data.allow_free_tags) {
      tags.forEach(function (tag) {
        if (!data.tag_groups[tag]) problems.push(['peringatan', 'Tag “' + tag + '” bukan tag resmi: tag ini tidak akan tampil.']);
      });
    }
    if (/!\[\s*\]\(/.test(body)) problems.push(['kesalahan', 'Foto di isi berita belum punya teks alternatif.']);
    if (!body) problems.push(['kesalahan', 'Isi berita masih kosong.']);
    else if (!dateline.head)
      problems.push(['saran', 'Isi berita sebaiknya dimulai dengan dateline, misalnya “PALEMBANG – …”.']);
    problems = heldBack(entry, get, data).concat(problems);
    if (get('image')) {
      if (!String(get('image_alt') || '').trim()) problems.push(['kesalahan', 'Foto belum punya teks alternatif.']);
      if (!String(get('image_credit') || '').trim()) problems.push(['saran', 'Foto belum punya kredit.']);
    }
    return problems;
  }

  // What the preview says of the Date: a value the build does not read (the
  // field is empty); a file's date in a form the build refuses, shown as
  // the time the build suggests and written so by a save.
  function dateProblems(get, data) {
    var date = String(get('date') || '').trim();
    var source = get('_warta_source') || {};
    var line = (source.lines || []).filter(function (l) { return l.field === 'date'; })[0];
    var written = line && line.written;
    if (!date) return []; // (a required field: the form says so)
    if (!dateAsBuilt(date, data.date_forms)) {
      return [['kesalahan', 'Tanggal “' + date + '” tidak dibaca situs. Pilih tanggal dan jam terbit (WIB) di ' +
        'kolom Tanggal.']];
    }
    if (written && !written.read && written.value === date) {
      return [['peringatan', 'Tanggal di berkas ditulis “' + written.text + '”, bentuk yang tidak dibaca situs; ' +
        'kolom Tanggal menampilkan waktu yang disarankan situs, ' + formatDate(date) + '. Periksa, lalu ' +
        'simpan: tanggal ditulis ' + date + '.']];
    }
    return [];
  }

  // Whether and when the public build publishes the release, as `invoke check`
  // says it (warta/source_checks.py `check_unpublished_flag`, `check_embargo`):
  // `Status: draft` (hidden, skip), another tool's flag (`draft: true`,
  // `published: false`, `Draf: ya`, `Terbit: tidak`; a value that is neither a
  // yes nor a no holds it back too), a Date after now (WIB). Moving it to
  // "Siap terbit" and publishing it does not put it on the site.
  // The values, statuses and flags are the build's own (config.json
  // `publication`: warta/frontmatter.py).

  // warta.frontmatter `yes_or_no`: true for a yes ('ya', 'true' …), false
  // for a no, null for neither; quotes around the value are not part of it.
  function yesOrNo(value, data) {
    var text = String(value).trim().replace(/^['"]+|['"]+$/g, '').trim().toLowerCase();
    var forms = data.publication;
    return forms.yes.indexOf(text) >= 0 ? true : forms.no.indexOf(text) >= 0 ? false : null;
  }

  function heldBack(entry, get, data) {
    var said = [];
    var status = String(get('status') || '').trim().toLowerCase();
    var flags = data.publication.unpublished_flags;
    if (data.publication.unpublished_statuses.indexOf(status) >= 0) {
      said.push(['peringatan', 'Status: ' + get('status') + ' — berita ini tidak terbit di situs, ' +
        'juga setelah diterbitkan di sini. Hapus baris Status itu agar terbit.']);
    }
    var source = get('_warta_source') || {};
    var firstFlag = -1; // (the front matter's line of the first flag said)
    (source.lines || []).forEach(function (line, index) {
      var key = String(line.key || '').toLowerCase();
      if (!Object.prototype.hasOwnProperty.call(flags, key)) return;
      var yes = yesOrNo(line.read || '', data);
      if (yes !== null && yes !== flags[key]) return;
      if (firstFlag < 0) firstFlag = index;
      said.push(['peringatan', '“' + line.key + ': ' + line.read + '” dibaca sebagai Status: draft — ' +
        'berita ini tidak terbit di situs, juga setelah diterbitkan di sini. Hapus baris itu agar terbit.']);
    });
    // A word of the file's name that says "draft" (warta.published `draft_name`)
    // and that the title no longer holds: the file was named from a title
    // ("Draf PKPU …") edited since, and the name does not follow the title.
    var path = String((entry.get && entry.get('path')) || '');
    var name = path.slice(path.lastIndexOf('/') + 1);
    var words = foldWords(name.replace(/\.[^.]*$/, '')).split(' ').filter(Boolean);
    var titled = foldWords(get('title')).split(' ');
    var word = null;
    words.forEach(function (w, i) {
      if (word) return;
      if ((data.draft_name_words || []).indexOf(w) >= 0 && titled.indexOf(w) < 0) word = w;
      var pair = words[i + 1] === undefined ? null : [w, words[i + 1]];
      (data.draft_name_pairs || []).forEach(function (p) {
        if (pair && p[0] === pair[0] && p[1] === pair[1] && !(titled.indexOf(w) >= 0 && titled.indexOf(pair[1]) >= 0)) {
          word = pair.join(' ');
        }
      });
    });
    if (word) {
      said.push(['peringatan', 'Nama berkas “' + name + '” memuat “' + word + '”, yang tidak ada lagi di ' +
        'judul: situs membacanya sebagai draf, jadi berita ini tidak terbit. Kembalikan kata itu ke ' +
        'judul, atau minta pengelola situs mengganti nama berkasnya.']);
    }
    var date = wibMinute(get('date'));
    if (date && date > nowInWib()) {
      said.push(['saran', 'Embargo sampai ' + date + ' WIB: berita ini baru tampil di situs pada ' +
        'pembangunan situs pertama setelah waktu itu.']);
    }
    return said.concat(takeDownSaid(get, data, firstFlag));
  }

  // What the build does with the release's take-down dates (`Kedaluwarsa:`
  // and its other spellings, config.json `take_down`: warta/frontmatter.py's
  // own patterns), as `invoke check` says it (warta/source_checks.py
  // `check_take_down`, `_check_other_take_downs`, `check_unpublished_flag`),
  // for the file as a save writes it: the form's field in its line, every
  // other take-down line as the file has it. Of several, the earliest is
  // read; one that is no date, or not after the Date, holds the release back,
  // and so does one in the release's text (below the front matter).
  // `firstFlag`: the front matter's line of a flag said already (-1: none),
  // the build naming only the first that holds the release back.
  function takeDownSaid(get, data, firstFlag) {
    if (!data.take_down) return [];
    var said = [];
    var date = whenWritten(get('date'), data);
    var downs = takeDowns(get, data);
    downs.forEach(function (down) {
      down.when = whenWritten(down.value, data);
      down.holds = !down.when || (!!date && down.when <= date);
    });
    var dated = downs.filter(function (down) { return down.when; });
    var read = dated.length
      ? dated.reduce(function (first, down) { return down.when < first.when ? down : first; })
      : downs[0] || null;
    // (`Status: draft` says so already; the build then names no other flag)
    var draft = String(get('status') || '').trim().toLowerCase() === 'draft';
    var below = draft ? null : takeDownBelow(get('body'), data);
    var holding = downs.filter(function (down) { return down.holds; })[0];
    var flag = draft || below ? null : holding && (firstFlag < 0 || holding.index < firstFlag) ? holding : null;
    if (below) {
      said.push(['peringatan', 'Baris “' + below.name + ': ' + below.value + '” ada di isi berita, di bawah ' +
        'front matter: situs tidak membacanya sebagai tanggal turun, tetapi sebagai Status: draft, jadi ' +
        'berita ini tidak terbit. Hapus baris itu dari isi berita' + (below.when
          ? ' dan isi kolom Diturunkan pada dengan ' + minute(below.when) + '.'
          : '; untuk menurunkannya pada waktu tertentu, isi kolom Diturunkan pada.')]);
    }
    if (flag && !flag.when) {
      said.push(['peringatan', named(flag) + ' bukan tanggal yang dibaca situs, jadi berita ini tidak terbit. ' +
        fixed(flag, 'Pilih tanggal dan jam di kolom Diturunkan pada, atau kosongkan kolom itu.')]);
    } else if (flag) {
      said.push(['peringatan', (flag.form ? 'Diturunkan pada ' : named(flag) + ': diturunkan pada ') +
        minute(flag.when) + ' WIB tidak setelah tanggal terbit ' + minute(date) + ' WIB, jadi berita ini ' +
        'tidak terbit. ' + fixed(flag, 'Isi waktu setelah tanggal terbit, atau kosongkan kolom Diturunkan pada.')]);
    }
    if (read && read.when && read !== flag) {
      var asRead = read.name === data.take_down.name && minute(read.when) === read.value;
      var until = 'Diturunkan pada ' + minute(read.when) + ' WIB' +
        (asRead ? '' : ' (“' + read.name + ': ' + read.value + '”)');
      said.push(['saran', read.when <= nowInWib()
        ? until + ' (sudah lewat): berita ini tidak terbit lagi di situs. Isi waktu yang lebih lambat, ' +
          'atau kosongkan kolom Diturunkan pada, agar tampil lagi.'
        : until + ': berita ini tampil di situs sampai waktu itu, lalu diturunkan oleh pembangunan situs ' +
          '(tiap jam) pertama setelahnya.']);
    }
    downs.forEach(function (down) {
      if (down === read || down.holds) return;
      said.push(['peringatan', 'Tanggal turun lain, “' + down.name + ': ' + down.value + '”, tidak dibaca ' +
        'situs: situs membaca yang paling awal, “' + read.name + ': ' + read.value + '”' +
        (read.when ? ', jadi berita ini turun pada ' + minute(read.when) + ' WIB' : '') + '. Sisakan satu ' +
        'tanggal turun, di kolom Diturunkan pada; baris lain tidak tampil di formulir: minta pengelola ' +
        'situs menghapusnya dari berkas.']);
    });
    return said;

    function named(down) {
      return down.form ? 'Diturunkan pada “' + down.value + '”' : 'Baris “' + down.name + ': ' + down.value + '”';
    }
    // What to do: in the form's field, or (a line the form does not show)
    // ask the site's maintainer to delete it.
    function fixed(down, inForm) {
      return down.form ? inForm : 'Baris itu tidak tampil di formulir: minta pengelola situs menghapusnya ' +
        'dari berkas, dan isi kolom Diturunkan pada bila berita harus turun.';
    }
  }

  // The front matter's take-down dates as a save writes them, in file order:
  // {name, value, form (the form's field), index (its line among the front
  // matter's; a new one last)}. The form's field is its key's first line.
  function takeDowns(get, data) {
    var source = get('_warta_source') || {};
    var lines = source.lines || [];
    var typed = String(get('kedaluwarsa') || '').trim();
    var found = [];
    var shown = false;
    lines.forEach(function (line, index) {
      // (as the build reads it: YAML's text, or the line's value with its
      // continuation lines)
      var value = String((source.yaml ? line.read : line.value) || '').trim();
      if (line.field === 'kedaluwarsa' && !shown) {
        shown = true;
        // The field shows a time typed by hand in the house form (`fromFile`):
        // until it is changed, the file's line is what the build reads.
        var asOpened = value && typed === whenWritten(value, data);
        if (typed) found.push({ name: line.key, value: asOpened ? value : typed, form: true, index: index });
        return;
      }
      if (line.key && isEndField(line.key, value, data)) {
        found.push({ name: line.key, value: value, form: false, index: index });
      }
    });
    if (typed && !shown) found.push({ name: data.take_down.name, value: typed, form: true, index: lines.length });
    return found;
  }

  // The first line of the release's text (outside fenced code) that the
  // build reads as a take-down date there, which holds the release back
  // (warta.frontmatter `flag_below`): {name, value, when}; null for none.
  function takeDownBelow(body, data) {
    var forms = takeDownForms(data);
    var fence = '';
    var lines = String(body || '').split(/\r\n|\r|\n/);
    for (var i = 0; i < lines.length; i++) {
      var opening = forms.fence.exec(lines[i]);
      if (opening && (!fence || opening.groups.fence.indexOf(fence) === 0)) {
        fence = fence ? '' : opening.groups.fence;
        continue;
      }
      if (fence || lines[i].indexOf(':') < 0) continue;
      var match = forms.line.exec(lines[i]);
      if (!match) continue;
      var value = yamlUnquoted(match.groups.value.split(' #')[0].trim());
      var when = whenWritten(value, data);
      // A date, or a yes (`Diturunkan: ya`): the build holds the release back for either.
      var yes = yesOrNo(value, data) === true;
      if ((when || yes) && isEndField(match.groups.key, value, data)) {
        return { name: match.groups.key, value: value, when: when };
      }
    }
    return null;
  }

  function takeDownForms(data) {
    var forms = data.take_down;
    if (!forms._compiled) {
      Object.defineProperty(forms, '_compiled', {
        enumerable: false,
        value: {
          key: new RegExp('^(?:' + forms.key.source + ')$', forms.key.flags),
          line: new RegExp(forms.line.source, forms.line.flags),
          fence: new RegExp(forms.fence.source, forms.fence.flags),
        },
      });
    }
    return forms._compiled;
  }

  // warta.frontmatter `is_end_field`: a take-down key (its words joined by
  // '-', `is_end_key`), or a bare `Unpublish:` whose value is a date.
  function isEndField(key, value, data) {
    var joined = String(key).toLowerCase().replace(/[-_ ]+/g, '-').replace(/^-+|-+$/g, '');
    if (takeDownForms(data).key.test(joined)) return true;
    return data.take_down.bare_keys.indexOf(joined) >= 0 && !!whenWritten(value, data);
  }

  // What the date fields show as written: their format ('YYYY-MM-DD HH:mm',
  // config.py), with seconds (a day alone opens them empty).
  var FIELD_FORM = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?$/;
  // A time with a fraction of a second, which the build reads and the
  // field's form drops ('…10:00:00.5' is after '…10:00').
  var FRACTION = /\d:\d{2}[.,]\d/;

  // warta.dates `when_written`: the WIB time a value names, in the house
  // form ('2024-11-20 10:00', its seconds when it has any); '' for none.
  function whenWritten(value, data) {
    var built = dateAsBuilt(value, data.date_forms);
    return built ? built.value : '';
  }

  function minute(when) {
    return String(when).slice(0, 16);
  }

  // warta.frontmatter `yaml_unquoted`: a value in YAML's quotes as YAML reads it.
  function yamlUnquoted(value) {
    if (value.length < 2 || '"\''.indexOf(value.charAt(0)) < 0 || value.charAt(value.length - 1) !== value.charAt(0)) {
      return value;
    }
    try {
      var loaded = YAML.load(value);
      return typeof loaded === 'string' ? loaded.split(/\r\n|\r|\n/).join(' ') : value;
    } catch (error) {
      return value;
    }
  }

  // A date field's value ("2024-11-17 09:30", "2024-11-17T09:30:15", a day
  // from its midnight) as "YYYY-MM-DD HH:MM" in WIB; '' for another form.
  function wibMinute(value) {
    var text = String(value || '').trim().replace('T', ' ').slice(0, 16);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text + ' 00:00';
    return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text) ? text : '';
  }

  // What the preview says of a release whose `---` block YAML cannot read (the
  // block stays in the body, the form is empty: `afterProblem` saves it once
  // it reads); null for any other.
  function yamlNote(body) {
    var lines = String(body || '').split(/\r?\n/);
    var read = readYamlBlock(lines);
    var problem = read ? read.problem : indentedFirstKey(lines);
    if (!problem) return null;
    return 'Front matter ' + (read ? 'YAML ' : '') + 'di awal isi naskah tidak terbaca (baris ' +
      problem.line + ': ' + problem.message + '), jadi kolom formulir kosong. Perbaiki front ' +
      'matter itu di kolom isi; naskah baru dapat disimpan setelah front matter terbaca.';
  }

  // "Tarik dari situs" (Decap's unpublish) deletes the file from the site's
  // branch and keeps the entry as a "Siap terbit" one on its cms/… branch:
  // opened then, it read as a new release never published, or staff went
  // to its page on the site and met a 404. An entry of the workflow whose
  // file the branch has not (`isModification` false) and whose address the
  // last build published (config.json `taken`) was taken down: where it is,
  // since when (the branch's last change, `updatedOn`), how to put it back.
  function takenDownNote(entry, data) {
    if (!entry || !entry.get('status') || entry.get('isModification') !== false) return null;
    var collection = entry.get('collection');
    var slug = entry.getIn(['data', 'slug']) || entry.getIn(['data', '_warta_source', 'builtSlug']);
    if (!slug) return null;
    var key = addressKey(collection, slug, entry.getIn(['data', 'date']));
    var taken = ((data.taken || {})[collection] || []).some(function (value) {
      return collection + ':' + value === key;
    });
    if (!taken) return null;
    var when = new Date(entry.get('updatedOn') || '');
    var at = isNaN(when.getTime()) ? '' : ' pada ' + new Intl.DateTimeFormat('id-ID', {
      day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23', timeZone: 'Asia/Jakarta',
    }).format(when) + ' WIB';
    var what = collection === 'berita' ? 'Berita' : 'Halaman';
    return what + ' ini sudah ditarik dari situs' + at + ': berkasnya dihapus dari cabang utama ' +
      'repositori, jadi situs tidak menampilkannya lagi sejak pembangunan berikutnya (alamatnya ' +
      'di situs kini "tidak ditemukan"). Naskahnya tidak hilang: ia tersimpan di repositori sebagai ' +
      'naskah "Siap terbit" (cabang cms/' + collection + '/' + entry.get('slug') + '), di Alur redaksi. ' +
      'Untuk menayangkannya kembali di alamat yang sama, pilih Terbitkan > Terbitkan sekarang. ' +
      '"Hapus draf ini" membuang naskah ini dari ruang redaksi; sesudah itu hanya riwayat git yang ' +
      'menyimpannya.';
  }

  function takenDownNotice(entry, data) {
    var note = takenDownNote(entry, data);
    var h = window.h;
    return note ? h('section', {
      className: 'notice warta-cms-taken-down', role: 'status', 'aria-label': 'Ditarik dari situs',
    }, h('p', {}, h('strong', {}, 'Ditarik dari situs. '), note)) : null;
  }

  function formatDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(String(value || ''));
    if (!match) return '';
    var date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], 12));
    var day = new Intl.DateTimeFormat('id-ID', {
      weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
    }).format(date);
    return match[4] ? day + ', ' + match[4] + '.' + match[5] + ' WIB' : day;
  }

  // The body's headings as the page shows them: its one <h1> is the title, so
  // a `# Heading` (or one underlined with `===`) of the text is an <h2>
  // (warta/markdown_source.py `SubheadingsOnly`). Done on the preview's
  // HTML, not in Decap's Markdown reader, which also reads the rich-text
  // editor's text back into the file.
  function subheadingsOnly(root) {
    var headings = root.querySelectorAll('h1');
    for (var i = 0; i < headings.length; i++) {
      var heading = headings[i];
      var lower = heading.ownerDocument.createElement('h2');
      for (var a = 0; a < heading.attributes.length; a++) {
        lower.setAttribute(heading.attributes[a].name, heading.attributes[a].value);
      }
      while (heading.firstChild) lower.appendChild(heading.firstChild);
      heading.parentNode.replaceChild(lower, heading);
    }
  }

  // A paragraph indented as Word, a PDF or a chat pastes it (a tab, four
  // spaces) is a paragraph on the page, not code (warta/markdown_source.py
  // deregisters Markdown's indented code): with no fenced code (```, ~~~) in
  // the body, each code block Decap shows is such text, shown as the page's
  // paragraphs (its lines joined, as Markdown joins them).
  var FENCE_RE = /^ {0,3}(```|~~~)/m;

  function indentedAsParagraphs(root, body) {
    if (FENCE_RE.test(body)) return;
    var blocks = root.querySelectorAll('pre');
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      var doc = block.ownerDocument;
      var paragraphs = block.textContent.split(/\n\s*\n/).map(function (text) {
        return text.split('\n').map(function (line) { return line.trim(); }).filter(Boolean).join(' ');
      }).filter(Boolean);
      paragraphs.forEach(function (text) {
        var paragraph = doc.createElement('p');
        paragraph.textContent = text;
        block.parentNode.insertBefore(paragraph, block);
      });
      block.parentNode.removeChild(block);
    }
  }

  // A link written without its address (`[Unduh]()`) is its words on the
  // page; one without words (`[](https://…)`) shows its address
  // (warta/markdown_source.py `NoEmptyLinks`).
  function noEmptyLinks(root) {
    var links = root.querySelectorAll('a');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var href = link.getAttribute('href');
      if (href === null) continue;
      if (!href.trim()) {
        while (link.firstChild) link.parentNode.insertBefore(link.firstChild, link);
        link.parentNode.removeChild(link);
      } else if (!link.children.length && !link.textContent.trim()) {
        link.textContent = href;
      }
    }
  }

  // A line of `=` or `-` pasted under a paragraph as a separator (Word, an
  // e-mail) is a rule on the page, the paragraph a paragraph; only a short
  // first line that ends no sentence, alone above it, is the heading it
  // underlines (warta/markdown_source.py `_underlines_heading`). Decap made
  // such a paragraph a heading, or kept the line in it as text.
  var UNDERLINE_RE = /^[=-]+ *$/;
  var PROSE_START_RE = /^(?:\p{L}|["“‘'(]|\d+\b(?![.)]))/u;
  var SENTENCE_INSIDE_RE = /[.!?…]["”’')]*\s/;

  function underlinesHeading(above) {
    var line = above[above.length - 1].trim().replace(/^[*_]+|[*_]+$/g, '');
    return (above.length === 1 || !above[above.length - 2].trim()) && line.length > 0 &&
      line.length <= 80 && PROSE_START_RE.test(line) && !SENTENCE_INSIDE_RE.test(line) &&
      '.!?…,;:)'.indexOf(line.charAt(line.length - 1)) < 0;
  }

  function plainText(text) {
    return String(text).replace(/[*_\\]/g, '').split(/\s+/).filter(Boolean).join(' ');
  }

  // The texts of the paragraphs the build ends with a rule, not a heading.
  function ruledParagraphs(body) {
    var lines = String(body).split(/\r\n?|\n/);
    var found = [];
    var fenced = false;
    for (var i = 0; i < lines.length; i++) {
      if (/^ {0,3}(```|~~~)/.test(lines[i])) fenced = !fenced;
      if (fenced || !i || !lines[i - 1].trim() || !UNDERLINE_RE.test(lines[i])) continue;
      if (underlinesHeading(lines.slice(0, i))) continue;
      var start = i - 1;
      while (start > 0 && lines[start - 1].trim()) start--;
      found.push(plainText(lines.slice(start, i).join(' ')));
    }
    return found;
  }

  function rulesAsBuilt(root, body) {
    var ruled = ruledParagraphs(body);
    if (!ruled.length) return;
    // (Decap leaves the line of a paragraph of several lines in it as text.)
    var paragraphs = root.querySelectorAll('p');
    for (var p = 0; p < paragraphs.length; p++) {
      var last = paragraphs[p].lastChild;
      var tail = last && last.nodeType === 3 ? /\n[=-]+ *\s*$/.exec(last.nodeValue) : null;
      if (!tail) continue;
      last.nodeValue = last.nodeValue.slice(0, tail.index);
      var rule = paragraphs[p].ownerDocument.createElement('hr');
      paragraphs[p].parentNode.insertBefore(rule, paragraphs[p].nextSibling);
    }
    var headings = root.querySelectorAll('h1, h2');
    for (var i = 0; i < headings.length; i++) {
      var heading = headings[i];
      if (ruled.indexOf(plainText(heading.textContent)) < 0) continue;
      var doc = heading.ownerDocument;
      var paragraph = doc.createElement('p');
      while (heading.firstChild) paragraph.appendChild(heading.firstChild);
      heading.parentNode.insertBefore(paragraph, heading);
      heading.parentNode.replaceChild(doc.createElement('hr'), heading);
    }
  }

  // Bullets a word processor or a chat pastes (•, ▪, ✓ …) start a list item
  // on the page, also right below a line of prose (warta/markdown_source.py
  // `_PASTED_BULLET`); Decap showed them as lines of one paragraph.
  var PASTED_BULLET_RE = /^ {0,3}[•◦▪▫●○■□‣⁃➢►✓✔·∙⦁\uf0b7\uf0a7\uf0d8]\s*(?=[\p{L}\p{N}_"“‘(])/u;
  // Word's numbered list pasted as HTML, as the rich text mode saves it: "1."
  // then no-break spaces for Word's tab (`_SPACED_NUMBER`), a numbered item on
  // the page; Markdown here reads no list.
  var SPACED_NUMBER_RE = /^ {0,3}\d{1,3}\.[ \t]*[\u00a0\u2007\u202f]\s*(?=\S)/;

  function listKind(line) {
    return PASTED_BULLET_RE.test(line) ? 'UL' : SPACED_NUMBER_RE.test(line) ? 'OL' : null;
  }

  function bulletsAsLists(root) {
    var paragraphs = root.querySelectorAll('p');
    for (var i = 0; i < paragraphs.length; i++) {
      var paragraph = paragraphs[i];
      if (paragraph.children.length) continue; // (text only: its marks would be lost)
      var lines = paragraph.textContent.split('\n');
      if (!lines.some(listKind)) continue;
      var doc = paragraph.ownerDocument;
      var blocks = [];
      var current = null;
      lines.forEach(function (line) {
        var kind = listKind(line);
        if (kind) {
          if (!current || current.tagName !== kind) blocks.push((current = doc.createElement(kind)));
          var item = doc.createElement('li');
          item.textContent = line.replace(kind === 'UL' ? PASTED_BULLET_RE : SPACED_NUMBER_RE, '').trim();
          current.appendChild(item);
        } else if (current && current.tagName !== 'P') {
          current.lastChild.textContent += ' ' + line.trim(); // (Markdown's lazy continuation)
        } else {
          if (!current) blocks.push((current = doc.createElement('p')));
          current.textContent += (current.textContent ? '\n' : '') + line;
        }
      });
      blocks.forEach(function (block) { paragraph.parentNode.insertBefore(block, paragraph); });
      paragraph.parentNode.removeChild(paragraph);
    }
    // Numbered items saved a blank line apart (one paragraph each) are one
    // list on the page, numbered on: not a list of one "1." each.
    var lists = root.querySelectorAll('ol');
    for (var j = lists.length - 1; j > 0; j--) {
      var before = lists[j].previousElementSibling;
      if (before === lists[j - 1]) {
        while (lists[j].firstChild) before.appendChild(lists[j].firstChild);
        lists[j].parentNode.removeChild(lists[j]);
      }
    }
  }

  function registerPreview(CMS, data) {
    var h = window.h;
    // The body of the preview, kept as the page shows it while Decap renders
    // the Markdown again with every keystroke.
    var BodyPreview = window.createClass({
      componentDidMount: function () {
        var node = this.node;
        if (!node) return;
        var self = this;
        var asBuilt = function () {
          rulesAsBuilt(node, self.props.text);
          subheadingsOnly(node);
          indentedAsParagraphs(node, self.props.text);
          noEmptyLinks(node);
          bulletsAsLists(node);
        };
        asBuilt();
        var View = node.ownerDocument.defaultView || window;
        this.observer = new View.MutationObserver(asBuilt);
        this.observer.observe(node, { childList: true, subtree: true });
      },
      componentDidUpdate: function () {
        if (!this.node) return;
        rulesAsBuilt(this.node, this.props.text);
        subheadingsOnly(this.node);
        indentedAsParagraphs(this.node, this.props.text);
        noEmptyLinks(this.node);
        bulletsAsLists(this.node);
      },
      componentWillUnmount: function () {
        if (this.observer) this.observer.disconnect();
      },
      render: function () {
        var self = this;
        return h('div', {
          className: 'article__body',
          ref: function (node) { self.node = node; },
        }, this.props.body);
      },
    });
    var ArticlePreview = window.createClass({
      render: function () {
        var entry = this.props.entry;
        var get = function (name) {
          var value = entry.getIn(['data', name]);
          return value && value.toJS ? value.toJS() : value;
        };
        var problems = checks(entry, data);
        var regions = get('region') || [];
        var tags = get('tags') || [];
        var image = get('image');
        var imageField = this.props.fields.find(function (f) {
          return f.get('name') === 'image';
        });
        var asset = image ? this.props.getAsset(image, imageField) : null;
        var src = asset ? asset.url || String(asset) : '';
        var body = String(get('body') || '');
        var officials = data.officials.filter(function (official) {
          return [official.name].concat(official.variants).some(function (name) {
            return name && body.indexOf(name) >= 0;
          });
        });
        var groups = [];
        tags.forEach(function (tag) {
          var group = data.tag_groups[tag] || 'Tag lainnya';
          var found = groups.filter(function (g) { return g.name === group; })[0];
          if (!found) groups.push((found = { name: group, tags: [] }));
          found.tags.push(tag);
        });
        return h('main', { className: 'wrap' },
          takenDownNotice(entry, data),
          h('section', { className: 'notice warta-cms-checks', 'aria-label': 'Pemeriksaan' },
            h('p', {}, h('strong', {}, problems.length ? 'Periksa sebelum menyimpan:' : 'Tidak ada masalah yang ditemukan.')),
            problems.length ? h('ul', {}, problems.map(function (p, i) {
              return h('li', { key: i, 'data-level': p[0] }, p[0] + ': ' + p[1]);
            })) : null),
          h('article', { className: 'article' },
            h('header', { className: 'article__header' },
              h('p', { className: 'article__rubrik' }, get('category') || ''),
              h('h1', {}, get('title') || ''),
              h('p', { className: 'article__meta' }, h('time', {}, formatDate(get('date')))),
              h('p', { className: 'article__meta' }, String(get('author') || '').trim()
                ? 'Oleh ' + get('author')
                : 'Oleh humas kantor Bawaslu yang diberitakan (diisi situs saat dibangun)'),
              regions.length ? h('div', { className: 'article__regions' },
                h('p', { className: 'article__regions-title' }, 'Wilayah'),
                h('ul', { className: 'region-links' }, regions.map(function (region) {
                  var label = data.regions[region] || region;
                  return h('li', { key: region }, label.split(' · ')[0]);
                }))) : null),
            src ? h('figure', { className: 'article__figure' },
              h('img', { src: src, alt: get('image_alt') || '' }),
              get('image_caption') || get('image_credit') ? h('figcaption', {}, get('image_caption') || '', ' ',
                get('image_credit') ? h('span', { className: 'article__credit' }, get('image_credit')) : null) : null) : null,
            h(BodyPreview, { body: this.props.widgetFor('body'), text: body }),
            h('footer', { className: 'article__footer' },
              groups.length ? h('section', { className: 'article__tags' },
                h('h2', { className: 'small-title' }, 'Tag'),
                h('dl', { className: 'tag-groups' }, groups.map(function (group) {
                  return h('div', { className: 'tag-groups__row', key: group.name },
                    h('dt', { className: 'tag-groups__name' }, group.name),
                    h('dd', {}, h('ul', { className: 'tag-list' }, group.tags.map(function (tag) {
                      return h('li', { key: tag }, h('span', { className: 'tag' }, tag));
                    }))));
                }))) : null,
              officials.length ? h('section', {},
                h('h2', { className: 'small-title' }, 'Pejabat yang disebut'),
                h('ul', {}, officials.map(function (o) {
                  return h('li', { key: o.name }, o.name + (o.position ? ' — ' + o.position : ''));
                }))) : null)));
      },
    });
    var PagePreview = window.createClass({
      render: function () {
        var unread = yamlNote(this.props.entry.getIn(['data', 'body']));
        return h('main', {},
          takenDownNotice(this.props.entry, data),
          unread ? h('section', { className: 'notice warta-cms-checks', 'aria-label': 'Pemeriksaan' },
            h('p', { 'data-level': 'kesalahan' }, 'kesalahan: ' + unread)) : null,
          h('article', { className: 'wrap article' },
            h('h1', {}, this.props.entry.getIn(['data', 'title']) || ''),
            h(BodyPreview, {
              body: this.props.widgetFor('body'),
              text: String(this.props.entry.getIn(['data', 'body']) || ''),
            })));
      },
    });
    CMS.registerPreviewStyle(new URL(data.preview_css, document.baseURI).href);
    CMS.registerPreviewTemplate('berita', ArticlePreview);
    CMS.registerPreviewTemplate('halaman', PagePreview);
  }

  // ---- saving -----------------------------------------------------------------

  // Before Decap computes a new file's path: the slug (from the title, as
  // `invoke new` makes it), the comment-thread id, and the file's year and name
  // from the Date as written (WIB; Decap's own {{year}} would be the UTC one).
  // file_year, file_stem and slug_value are not front-matter keys: the format
  // never writes them; the collections' `path` templates read them.
  function registerSaving(CMS, data) {
    CMS.registerEventListener({
      name: 'preSave',
      handler: function (event) {
        var entry = event.entry;
        var collection = entry.get('collection');
        if (!data.formats[collection]) return undefined;
        var values = entry.get('data');
        if (!values.get('slug')) {
          // A file the build already publishes keeps its address (the slug of
          // the title it was opened with, not of the title as edited); a new
          // one gets the edited title's, numbered if taken.
          var built = entry.get('newRecord') ? '' : values.getIn(['_warta_source', 'builtSlug']);
          values = values.set('slug', built || freeSlug(collection, values.get('title'), values.get('date'), data));
        }
        if (entry.get('newRecord')) {
          rememberAddress(addressKey(collection, values.get('slug'), values.get('date')));
        }
        if (collection === 'berita' && !values.get('image')) {
          // "Hapus foto" clears Image: only; its description, caption and
          // credit go with it.
          values = values.set('image_alt', '').set('image_caption', '').set('image_credit', '');
        }
        values = values.set('slug_value', values.get('slug'));
        if (collection === 'berita') {
          var date = String(values.get('date') || '');
          values = values
            .set('file_year', date.slice(0, 4))
            .set('file_stem', date.slice(0, 10) + '-' + values.get('slug'));
          if (entry.get('newRecord') && !values.get('thread')) values = values.set('thread', threadId());
        }
        return values;
      },
    });
  }

  // ---- accessibility ------------------------------------------------------------

  // Names Decap's own UI leaves out, filled in as it renders: the preview frame,
  // the Markdown editor (a contenteditable box its <label> cannot point to) and
  // icon-only buttons that carry a title.
  function nameUnnamedControls(root) {
    root.querySelectorAll('iframe:not([title])').forEach(function (frame) {
      frame.setAttribute('title', 'Pratinjau berita');
    });
    root.querySelectorAll('[role="textbox"]:not([aria-label]):not([aria-labelledby])').forEach(function (box) {
      var container = box.closest('[class*="ControlContainer"]');
      var label = container && container.querySelector('label[for]');
      if (label) {
        if (!label.id) label.id = label.getAttribute('for') + '-label';
        box.setAttribute('aria-labelledby', label.id);
      }
    });
    root.querySelectorAll('button[role="switch"]:not([aria-label])').forEach(function (toggle) {
      toggle.setAttribute('aria-label', 'Mode teks berformat');
    });
    root.querySelectorAll('button:not([aria-label])').forEach(function (button) {
      if (!button.textContent.trim() && button.title) button.setAttribute('aria-label', button.title);
    });
  }

  function watchAccessibility() {
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        nameUnnamedControls(document);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  // ---- uploads ------------------------------------------------------------------

  // Decap stores an upload under its own file name: a second photo called
  // IMG_0001.JPG replaced another release's, on the site too, without a word.
  // Each chosen file gets a short stamp of its own before Decap sees it.
  function uploadStamp() {
    var random = new Uint8Array(2);
    window.crypto.getRandomValues(random);
    return Date.now().toString(36).slice(-4) + random[0].toString(36) + random[1].toString(36);
  }

  // Why the build cannot publish a chosen file, in the writer's words; null
  // for one it publishes. Where a photo is expected (the Foto utama and
  // image widgets: Decap's file input then accepts "image/*"), a photo
  // (config.json `photo_suffixes`, the images plugin's IMAGE_SUFFIXES); in
  // the media library and the file widget, a photo or a document
  // (`document_suffixes`, warta.documents' DOCUMENT_SUFFIXES less the older
  // formats it refuses, `legacy_suffixes`). An iPhone's HEIC photo was taken,
  // saved and then stopped the build ("not a photo Pillow can read").
  function refusedUpload(file, data, photoOnly) {
    var name = String(file.name || '');
    var dot = name.lastIndexOf('.');
    var suffix = dot >= 0 ? name.slice(dot).toLowerCase() : '';
    var type = String(file.type || '').toLowerCase();
    var heic = /^\.hei[cf]s?$/.test(suffix) || /^image\/hei[cf]/.test(type);
    var photos = data.photo_suffixes || [];
    var documents = data.document_suffixes || [];
    var legacy = data.legacy_suffixes || {};
    if (!heic && photos.indexOf(suffix) >= 0) return null;
    if (!heic && !photoOnly && documents.indexOf(suffix) >= 0) return null;
    if (heic) {
      return 'Berkas "' + name + '" adalah foto HEIC (format foto iPhone), yang tidak dapat ' +
        'diterbitkan situs. Ubah dulu ke JPEG (di iPhone: Pengaturan > Kamera > Format > ' +
        'Paling Kompatibel, atau bagikan foto sebagai JPEG), lalu unggah lagi.';
    }
    if (photoOnly) {
      return 'Berkas "' + name + '" bukan foto yang dapat diterbitkan situs. Pakai foto JPEG ' +
        'atau PNG (' + photos.join(' ') + '), lalu unggah lagi.';
    }
    if (Object.prototype.hasOwnProperty.call(legacy, suffix)) {
      return 'Berkas "' + name + '" berformat lama (' + suffix + ') yang tidak diterbitkan situs. ' +
        'Simpan dulu sebagai ' + legacy[suffix] + ' (File > Save As) atau sebagai PDF, lalu unggah lagi.';
    }
    return 'Berkas "' + name + '" bukan foto atau dokumen yang dapat diterbitkan situs. Pakai foto ' +
      'JPEG atau PNG, atau dokumen PDF, Word (.docx), Excel (.xlsx) atau PowerPoint (.pptx) (' +
      photos.concat(documents).join(' ') + '), lalu unggah lagi.';
  }

  // Why a file named as a photo cannot be published, by its first bytes
  // (config.json `not_a_photo`: the build's own patterns, warta.filekinds):
  // an HTML page, a PDF, an iPhone's HEIC or an SVG saved as IMG_0001.jpg
  // was taken, saved, and stopped the build. null for another file (a PNG
  // or WebP named .jpg is a photo: the build publishes it as JPEG).
  function refusedContent(file, data) {
    var sniff = data.not_a_photo;
    var name = String(file.name || '');
    var dot = name.lastIndexOf('.');
    var suffix = dot >= 0 ? name.slice(dot).toLowerCase() : '';
    if (!sniff || (data.photo_suffixes || []).indexOf(suffix) < 0) return Promise.resolve(null);
    return file.slice(0, sniff.head_bytes).arrayBuffer().then(function (buffer) {
      var head = String.fromCharCode.apply(null, new Uint8Array(buffer));
      // (a photo's own start: its metadata may quote '<html>', it is a photo)
      if (sniff.photo && new RegExp(sniff.photo.source, sniff.photo.flags).test(head)) return null;
      var kind = sniff.kinds.filter(function (k) {
        return new RegExp(k.source, k.flags).test(head);
      })[0];
      if (!kind) return null;
      return 'Berkas "' + name + '" bernama seperti foto, tetapi isinya ' + kind.what +
        ', yang tidak dapat diterbitkan situs. ' + kind.advice + ', lalu unggah lagi.';
    }, function () {
      return null; // (unreadable here: the build says why)
    });
  }

  // The chosen files with a stamp each, as Decap then stores them.
  function stamped(files) {
    var transfer = new window.DataTransfer();
    files.forEach(function (file) {
      var dot = file.name.lastIndexOf('.');
      var stem = dot > 0 ? file.name.slice(0, dot) : file.name;
      var extension = dot > 0 ? file.name.slice(dot) : '';
      transfer.items.add(
        new File([file], stem + '-' + uploadStamp() + extension, {
          type: file.type,
          lastModified: file.lastModified,
        })
      );
    });
    return transfer.files;
  }

  // Files this page checked and handed on to Decap (the change event sent
  // again once their first bytes are read).
  var checkedInputs = typeof WeakSet === 'function' ? new WeakSet() : null;

  function stampUploads(event, data) {
    var input = event.target;
    if (!input || input.type !== 'file' || !input.files || !input.files.length) return;
    if (checkedInputs && checkedInputs.has(input)) {
      checkedInputs.delete(input); // (read, stamped: Decap's own handler takes it)
      return;
    }
    // (Decap's input where an image is expected accepts "image/*" only)
    var photoOnly = /(^|,)\s*image\/\*\s*(,|$)/.test(String(input.accept || '')) &&
      !/\*\/\*/.test(String(input.accept || ''));
    var files = Array.prototype.slice.call(input.files);
    var refused = files.map(function (file) {
      return refusedUpload(file, data, photoOnly);
    }).filter(Boolean);
    // Before Decap reads the files: nothing is uploaded or saved until they
    // are checked.
    event.stopImmediatePropagation();
    event.stopPropagation();
    if (refused.length) {
      input.value = '';
      window.alert(refused.join('\n\n'));
      return;
    }
    Promise.all(files.map(function (file) { return refusedContent(file, data); })).then(function (said) {
      said = said.filter(Boolean);
      if (said.length) {
        input.value = '';
        window.alert(said.join('\n\n'));
        return;
      }
      if (typeof window.DataTransfer === 'function') input.files = stamped(files);
      if (checkedInputs) checkedInputs.add(input);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  // ---- start ------------------------------------------------------------------

  function start(doc) {
    var CMS = window.CMS;
    var data = doc.warta;
    setBuildUnicode(data.fold);
    data.tag_groups = {};
    (data.official_tags || []).forEach(function (tag) {
      data.tag_groups[tag.name] = tag.group;
    });
    CMS.registerLocale('id', window.WARTA_CMS_LOCALE_ID || {});
    // The body opens as plain Markdown (what the file holds, unchanged) unless the
    // writer chose the rich-text mode before; Decap remembers that choice.
    try {
      if (!window.localStorage.getItem('cms.md-mode')) window.localStorage.setItem('cms.md-mode', 'raw');
    } catch (error) {
      /* storage blocked: Decap falls back to its own default */
    }
    Object.keys(data.formats).forEach(function (collection) {
      CMS.registerCustomFormat('warta-' + collection, 'md', makeFormat(data.formats[collection], data));
    });
    registerWidgets(CMS);
    registerSelects(CMS, data);
    registerPhotoComponent(CMS, doc.cms);
    // Capture: before Decap's own change handler reads the chosen files.
    document.addEventListener('change', function (event) { stampUploads(event, data); }, true);
    registerPreview(CMS, data);
    registerSaving(CMS, data);
    watchAccessibility();
    CMS.init({ config: doc.cms });
  }

  // Decap rejects its save promise with no reason when it refuses to save an
  // entry with an invalid field (having said why: "Ada isian wajib …"): an
  // uncaught `undefined` on the page, no error of the writer's or the site's.
  window.addEventListener('unhandledrejection', function (event) {
    if (event.reason === undefined) event.preventDefault();
  });

  window.WARTA_CMS = {
    slugify: slugify, makeFormat: makeFormat, checks: checks, yamlNote: yamlNote, readDateline: readDateline,
    dateAsBuilt: dateAsBuilt, foldWords: foldWords, spellingKey: spellingKey, tagKey: tagKey, commaKey: commaKey,
    isEndField: isEndField, takeDownBelow: takeDownBelow, freeSlug: freeSlug,
  };

  document.addEventListener('DOMContentLoaded', function () {
    // One Indonesian line for staff (the browser's own words, English, go to
    // the console for the site's maintainer).
    var said = function (why) {
      return function (error) {
        if (window.console) window.console.error('warta-cms:', error);
        var note = document.createElement('p');
        note.setAttribute('role', 'alert');
        note.textContent = 'Ruang redaksi tidak dapat dimuat: ' + why + '. Muat ulang halaman; bila tetap ' +
          'begini, hubungi pengelola situs.';
        document.body.appendChild(note);
      };
    };
    fetch('config.json', { credentials: 'same-origin', cache: 'no-cache' })
      .then(function (response) {
        if (!response.ok) {
          throw Object.assign(new Error('config.json: HTTP ' + response.status), {
            said: 'berkas pengaturannya (config.json) tidak ditemukan di server (HTTP ' + response.status + ')',
          });
        }
        return response.json().catch(function (error) {
          throw Object.assign(error, { said: 'berkas pengaturannya (config.json) rusak atau bukan JSON' });
        });
      }, function (error) {
        throw Object.assign(error, { said: 'server situs tidak dapat dihubungi' });
      })
      .then(function (doc) {
        try {
          start(doc);
        } catch (error) {
          said('berkas pengaturannya (config.json) tidak lengkap')(error);
        }
      })
      .catch(function (error) {
        said(error.said || 'terjadi galat yang tidak terduga')(error);
      });
  });
})();
