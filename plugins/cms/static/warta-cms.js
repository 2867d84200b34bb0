/* warta newsroom: what the site adds to Decap CMS in /admin/.
 *
 * Loaded before decap-cms.js: it asks Decap to wait (CMS_MANUAL_INIT), then,
 * once the page has loaded, reads config.json (generated at build time by
 * plugins/cms from the project's data), registers
 *   - the front-matter format of warta: `Key: value` lines, a blank line, the
 *     body, exactly as `invoke new` writes them; the order of the keys, keys the
 *     form does not know and untouched lines are kept byte for byte, so saving
 *     an unchanged release changes nothing;
 *   - the Indonesian interface (warta-cms-id.js);
 *   - the slug widget (made from the title at the first save, then frozen;
 *     "-2" when a release of that month or a page already has the address), the date
 *     widget (WIB whatever the browser's zone) and the alt-text widget
 *     (required when there is a photo);
 *   - the article preview, styled by the site's own CSS, with the warnings
 *     `invoke check` would give;
 * and starts the CMS. No inline script, nothing loaded from another origin.
 */
(function () {
  'use strict';

  window.CMS_MANUAL_INIT = true;

  var META_RE = /^([A-Za-z][A-Za-z0-9_-]*)\s*:\s?(.*)$/;

  // ---- slugs and ids, as warta/new_article.py makes them ---------------------

  function slugify(title, limit) {
    limit = limit || 80;
    var ascii = String(title || '')
      .normalize('NFKD')
      .replace(/[^\x00-\x7f]/g, '')
      .toLowerCase();
    var words = ascii.match(/[a-z0-9]+/g) || [];
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
  // refuse the second one after the CMS had saved it.
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
    for (var n = 2; taken[addressKey(collection, slug, date)]; n++) slug = wanted + '-' + n;
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

  // ---- the front-matter format ------------------------------------------------

  // Pelican's rule: a list is split at semicolons when it has one, else at commas.
  function splitList(value) {
    var text = String(value || '');
    return text
      .split(text.indexOf(';') >= 0 ? ';' : ',')
      .map(function (part) {
        return part.trim();
      })
      .filter(Boolean);
  }

  // A spelling as plugins/cms/config.py's spelling_key compares it.
  function spellingKey(value) {
    return String(value || '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  }

  // A tag as plugins/cms/config.py's tag_spellings compares it (the build's
  // `tag_key`): letters and digits, words kept apart ("Pemilu2024" is no tag),
  // a run of single letters joined ("A.S.N.", "P T P S" are "asn", "ptps").
  function tagKey(value) {
    var words = String(value || '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’`ʼ‘]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ');
    var joined = [];
    var run = [];
    words.concat(['']).forEach(function (word) {
      if (/^[a-z]$/.test(word)) {
        run.push(word);
        return;
      }
      if (run.length) joined.push(run.length > 1 ? run.join('') : run[0]);
      run = [];
      if (word) joined.push(word);
    });
    return joined.join(' ');
  }

  // A name compared with its commas kept (warta.tags.vocabulary.comma_key).
  function commaKey(text) {
    return String(text).split(',').map(function (part) {
      return part.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
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

  function makeFormat(keys, data) {
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

    function fieldValue(spec, entry) {
      var value = entry[spec.field];
      if (spec.field === 'tags' && data.allow_free_tags) {
        value = [].concat(value || [], entry.free_tags || []);
      }
      if (spec.kind === 'list') {
        if (!Array.isArray(value)) value = splitList(value);
        var items = value
          .map(function (v) {
            return String(v).trim();
          })
          .filter(Boolean);
        // Pelican splits at semicolons when there is one: a tag with a comma
        // in its name ("Divisi Pencegahan, Partisipasi …") stays one tag.
        var comma = items.some(function (v) { return v.indexOf(',') >= 0; });
        return items.join(comma ? '; ' : ', ');
      }
      // One line: a line break typed in a textarea (the summary) would end the
      // front matter there, and a blank line would start the body.
      return value === undefined || value === null ? '' : String(value).replace(/\s+/g, ' ').trim();
    }

    function fromFile(content) {
      var text = String(content || '');
      var eol = text.indexOf('\r\n') >= 0 ? '\r\n' : '\n';
      var lines = text.split(eol);
      var header = [];
      var i = 0;
      if (lines.length && META_RE.test(lines[0])) {
        for (; i < lines.length && lines[i] !== ''; i++) {
          var match = META_RE.exec(lines[i]);
          if (match) {
            var spec = byKey[match[1].toLowerCase()];
            header.push({ key: match[1], field: spec ? spec.field : null, raw: lines[i], value: match[2] });
          } else if (header.length && /^\s/.test(lines[i])) {
            var last = header[header.length - 1];
            last.raw += eol + lines[i]; // a continuation line belongs to its key
            last.value += ' ' + lines[i].trim();
          } else {
            break;
          }
        }
      }
      var rest = lines.slice(i).join(eol);
      var body = rest.replace(/^(\r?\n)+/, '');
      var entry = {};
      header.forEach(function (line) {
        if (!line.field || line.field in entry) return;
        var spec = byKey[line.key.toLowerCase()];
        var value = line.value.trim();
        if (spec.kind === 'list') {
          var items = splitList(value);
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
      });
      entry.body = body;
      // Everything needed to write the file back as it was (kept in the entry's data).
      entry._warta_source = {
        eol: eol,
        lines: header,
        separator: rest.slice(0, rest.length - body.length),
        body: body,
        headed: header.length > 0,
      };
      return entry;
    }

    function toFile(entry) {
      var source = entry._warta_source;
      var isNew = !source;
      source = source || { eol: '\n', lines: [], separator: '\n', body: '', headed: true };
      if (keys.some(function (k) { return k.field === 'slug'; }) && !entry.slug) {
        entry.slug = slugify(entry.title);
      }
      if (keys.some(function (k) { return k.field === 'thread'; }) && isNew && !entry.thread) {
        entry.thread = threadId();
      }
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
          out.push({ index: spec.index, text: line.key + ': ' + now });
        }
      });
      keys.forEach(function (spec) {
        if (written[spec.field]) return;
        var now = fieldValue(spec, entry);
        if (now === '' && !(spec.always && isNew)) return;
        // After the last line of a key that comes earlier in `invoke new`'s order.
        var at = 0;
        out.forEach(function (line, position) {
          if (line.index < spec.index) at = position + 1;
        });
        if (!source.headed && !out.length) at = 0;
        out.splice(at, 0, { index: spec.index, text: spec.key + ': ' + now });
      });
      var body = entry.body === undefined || entry.body === null ? '' : String(entry.body);
      if (body.replace(/\s+$/, '') === source.body.replace(/\s+$/, '')) {
        body = source.body; // the editor may trim the final newline: keep the file's
      } else {
        body = body.replace(/\r\n/g, '\n').split('\n').join(source.eol);
        if (body && !/\n$/.test(body)) body += source.eol;
      }
      if (!out.length) return body;
      var header = out
        .map(function (line) {
          return line.text;
        })
        .join(source.eol);
      return header + source.eol + (source.separator || source.eol) + body;
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
    var WibDateControl = window.createClass({
      componentDidMount: function () {
        var entry = this.props.entry;
        if (!this.props.value && entry && entry.get('newRecord')) this.props.onChange(nowInWib());
      },
      onInput: function (event) {
        this.props.onChange(String(event.target.value || '').replace('T', ' '));
      },
      render: function () {
        return h('input', {
          type: 'datetime-local',
          id: this.props.forID,
          className: this.props.classNameWrapper,
          value: String(this.props.value || '').replace(' ', 'T').slice(0, 16),
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
    CMS.registerWidget('warta-alt', AltControl, TextPreview);
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

  // ---- preview ----------------------------------------------------------------

  // "PALEMBANG – …", "Palembang, BWSPLG — …", "BATURAJA (OKU) - …"
  var DATELINE_RE = /^[A-Z][A-Za-zÀ-ÿ .'’()-]{2,40}(?:,\s*[^–—\n-]{1,40})?\s+[–—-]\s+\S/;

  function checks(entry, data) {
    var rules = data.rules;
    var get = function (name) {
      var value = entry.getIn(['data', name]);
      return value && value.toJS ? value.toJS() : value;
    };
    var problems = [];
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
    if (!regions.length && !DATELINE_RE.test(body))
      problems.push(['peringatan', 'Wilayah belum dipilih dan isi berita tidak dimulai dengan dateline.']);
    else if (!regions.length) problems.push(['saran', 'Wilayah belum dipilih: situs menyimpulkannya dari dateline.']);
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
    else if (!DATELINE_RE.test(body))
      problems.push(['saran', 'Isi berita sebaiknya dimulai dengan dateline, misalnya “PALEMBANG – …”.']);
    if (get('image')) {
      if (!String(get('image_alt') || '').trim()) problems.push(['kesalahan', 'Foto belum punya teks alternatif.']);
      if (!String(get('image_credit') || '').trim()) problems.push(['saran', 'Foto belum punya kredit.']);
    }
    return problems;
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

  function registerPreview(CMS, data) {
    var h = window.h;
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
              h('p', { className: 'article__meta' }, 'Oleh ' + (get('author') || authorFor(regions, data))),
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
            h('div', { className: 'article__body' }, this.props.widgetFor('body')),
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
        return h('main', {},
          h('article', { className: 'wrap article' },
            h('h1', {}, this.props.entry.getIn(['data', 'title']) || ''),
            h('div', { className: 'article__body' }, this.props.widgetFor('body'))));
      },
    });
    CMS.registerPreviewStyle(new URL(data.preview_css, document.baseURI).href);
    CMS.registerPreviewTemplate('berita', ArticlePreview);
    CMS.registerPreviewTemplate('halaman', PagePreview);
  }

  // The author `invoke new` writes: the humas of the first region's office, else AUTHOR.
  function authorFor(regions, data) {
    var list = regions && regions.toJS ? regions.toJS() : regions || [];
    return (list.length && data.region_authors[list[0]]) || data.default_author;
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
          values = values.set('slug', freeSlug(collection, values.get('title'), values.get('date'), data));
        }
        if (entry.get('newRecord')) {
          rememberAddress(addressKey(collection, values.get('slug'), values.get('date')));
        }
        if (collection === 'berita' && !values.get('image')) {
          // "Hapus foto" clears Image: only; its description goes with it.
          values = values.set('image_alt', '').set('image_credit', '');
        }
        if (collection === 'berita' && !String(values.get('author') || '').trim()) {
          values = values.set('author', authorFor(values.get('region'), data));
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

  function stampUploads(event) {
    var input = event.target;
    if (!input || input.type !== 'file' || !input.files || !input.files.length) return;
    if (typeof window.DataTransfer !== 'function') return;
    var transfer = new window.DataTransfer();
    Array.prototype.forEach.call(input.files, function (file) {
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
    input.files = transfer.files;
  }

  // ---- start ------------------------------------------------------------------

  function start(doc) {
    var CMS = window.CMS;
    var data = doc.warta;
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
    registerPhotoComponent(CMS, doc.cms);
    // Capture: before Decap's own change handler reads the chosen files.
    document.addEventListener('change', stampUploads, true);
    registerPreview(CMS, data);
    registerSaving(CMS, data);
    watchAccessibility();
    CMS.init({ config: doc.cms });
  }

  window.WARTA_CMS = { slugify: slugify, makeFormat: makeFormat, checks: checks };

  document.addEventListener('DOMContentLoaded', function () {
    fetch('config.json', { credentials: 'same-origin', cache: 'no-cache' })
      .then(function (response) {
        if (!response.ok) throw new Error('config.json: HTTP ' + response.status);
        return response.json();
      })
      .then(start)
      .catch(function (error) {
        var note = document.createElement('p');
        note.setAttribute('role', 'alert');
        note.textContent = 'Ruang redaksi tidak dapat dimuat (' + error.message + '). Hubungi pengelola situs.';
        document.body.appendChild(note);
      });
  });
})();
