// Tenantry: progressive enhancement only. Every screen works without this
// file; with it, forms are smoother and the Manage services dialog
// re-evaluates the plan on the server as you type (the rules live in C).
(function () {
	'use strict';
	var doc = document;
	doc.documentElement.classList.add('js');

	function autosubmit(root) {
		root.querySelectorAll('select[data-autosubmit]').forEach(function (s) {
			s.addEventListener('change', function () { s.form.submit(); });
		});
	}
	autosubmit(doc);

	var errors = doc.getElementById('errors');
	if (errors) errors.focus();

	// The occupier picker (data-pick: the search URL): search as you type,
	// the server's matches (at most 20, this operator's) offered in the
	// field's datalist. Only the latest answer is shown; without this the
	// server resolves the typed name or reference when the form is sent.
	doc.querySelectorAll('input[data-pick]').forEach(function (inp) {
		var list = doc.getElementById(inp.getAttribute('list'));
		var url = inp.getAttribute('data-pick');
		var timer = null, seq = 0;
		if (!list) return;
		inp.addEventListener('input', function () {
			var q = inp.value.trim();
			clearTimeout(timer);
			if (q === '') { list.innerHTML = ''; return; }
			timer = setTimeout(function () {
				var mine = ++seq;
				fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(q),
					{ credentials: 'same-origin' })
					.then(function (r) { return r.ok ? r.text() : ''; })
					.then(function (html) { if (mine === seq) list.innerHTML = html; })
					.catch(function () {});
			}, 150);
		});
	});

	// The staff case form's related services (data-show-services: the
	// no-JavaScript button that shows them): once the occupier or the site
	// changes, the form is asked for again with both and its service list
	// (the occupier's services at the site) swapped in. Latest answer wins.
	doc.querySelectorAll('button[data-show-services]').forEach(function (b) {
		var f = b.form, seq = 0;
		var occ = f && f.elements.occupier_occ, site = f && f.elements.site;
		var sel = f && f.elements.service, hint = doc.getElementById('h-service');
		if (!occ || !site || !sel || !hint || !window.DOMParser) return;
		b.hidden = true;
		b.style.display = 'none';
		function refresh() {
			var mine = ++seq;
			var url = '/cases/new?occupier_occ=' + encodeURIComponent(occ.value.trim()) +
				(site.value ? '&site=' + encodeURIComponent(site.value) : '');
			fetch(url, { credentials: 'same-origin' })
				.then(function (r) { return r.ok ? r.text() : null; })
				.then(function (html) {
					if (html === null || mine !== seq) return;
					var d = new DOMParser().parseFromString(html, 'text/html');
					var s2 = d.getElementById('f-service'), h2 = d.getElementById('h-service');
					if (!s2 || !h2) return;
					var was = sel.value;
					sel.innerHTML = s2.innerHTML;
					sel.value = was;
					if (sel.value !== was) sel.value = '';
					hint.firstChild.nodeValue = h2.firstChild ? h2.firstChild.nodeValue : '';
				})
				.catch(function () {});
		}
		occ.addEventListener('change', refresh);
		site.addEventListener('change', refresh);
	});

	// Copy buttons (data-copy: the id of the field to copy), and canned
	// replies (data-fill: the id of the textarea a choice fills).
	doc.querySelectorAll('button[data-copy]').forEach(function (b) {
		b.addEventListener('click', function () {
			var f = doc.getElementById(b.getAttribute('data-copy'));
			if (!f) return;
			f.select();
			var done = function () { b.textContent = 'Copied'; };
			if (navigator.clipboard && navigator.clipboard.writeText)
				navigator.clipboard.writeText(f.value).then(done, function () {
					doc.execCommand('copy'); done();
				});
			else { doc.execCommand('copy'); done(); }
		});
	});
	doc.querySelectorAll('select[data-fill]').forEach(function (s) {
		s.addEventListener('change', function () {
			var t = doc.getElementById(s.getAttribute('data-fill'));
			var o = s.options[s.selectedIndex];
			if (t && o && o.getAttribute('data-text') !== null) {
				t.value = o.getAttribute('data-text');
				t.focus();
			}
		});
	});

	// ---- Confirmations ----
	// ask(text, label): a modal dialog naming the consequence, with the
	// action's own button and Cancel (focused: the safe choice). Resolves
	// true when confirmed. Without <dialog>, the browser's confirm().
	function ask(text, label) {
		return new Promise(function (resolve) {
			if (typeof HTMLDialogElement !== 'function') {
				resolve(window.confirm(text));
				return;
			}
			var d = doc.createElement('dialog'), p = doc.createElement('p'),
			    row = doc.createElement('div'), ok = doc.createElement('button'),
			    no = doc.createElement('button'), yes = false;
			d.className = 'confirm-dialog';
			d.setAttribute('role', 'alertdialog');
			d.setAttribute('aria-labelledby', 'confirm-text');
			p.id = 'confirm-text';
			p.textContent = text;
			row.className = 'buttons';
			ok.type = no.type = 'button';
			ok.className = 'primary confirm-ok';
			ok.textContent = label;
			no.textContent = 'Cancel';
			row.appendChild(ok);
			row.appendChild(no);
			d.appendChild(p);
			d.appendChild(row);
			ok.addEventListener('click', function () { yes = true; d.close(); });
			no.addEventListener('click', function () { d.close(); });
			d.addEventListener('close', function () { d.remove(); resolve(yes); });
			doc.body.appendChild(d);
			d.showModal();
			no.focus();
		});
	}

	// Forms whose button does what cannot be undone carry data-confirm (the
	// consequence, named) and data-confirm-label (the button of the
	// question). The server asks the same question without JavaScript: the
	// confirmed post carries confirm=1.
	doc.addEventListener('submit', function (e) {
		var f = e.target, b = e.submitter;
		var text = (b && b.getAttribute('data-confirm')) || f.getAttribute('data-confirm');
		if (!text || f.getAttribute('data-confirmed') === '1') return;
		e.preventDefault();
		ask(text, (b && b.getAttribute('data-confirm-label')) ||
		    f.getAttribute('data-confirm-label') || 'Confirm').then(function (yes) {
			if (!yes) return;
			var c = doc.createElement('input');
			c.type = 'hidden';
			c.name = 'confirm';
			c.value = '1';
			f.appendChild(c);
			f.setAttribute('data-confirmed', '1');
			if (b && b.name) {
				var v = doc.createElement('input');
				v.type = 'hidden';
				v.name = b.name;
				v.value = b.value;
				f.appendChild(v);
			}
			f.submit();
		});
	});

	// ---- Manage services ----
	var live = doc.createElement('div');
	live.className = 'sr';
	live.setAttribute('aria-live', 'polite');
	doc.body.appendChild(live);

	function post(form, extra) {
		var data = new URLSearchParams(new FormData(form));
		data.append('partial', '1');
		if (extra) data.append(extra.name, extra.value);
		return fetch(form.action, {
			method: 'POST', body: data, credentials: 'same-origin',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
		}).then(function (res) {
			if (res.redirected || res.status >= 500 || res.status === 403)
				throw new Error('reload');
			return res.text();
		});
	}

	// What the person can type or choose in the form, by name.
	function values(form) {
		var v = {};
		Array.prototype.forEach.call(form.elements, function (el) {
			if (el.name && el.type !== 'hidden' && el.type !== 'submit' && !el.disabled)
				v[el.name] = el.value;
		});
		return v;
	}

	// A field's name in the form the server sends back for action a: the
	// rows after a removed one move up by one; the removed row's are gone.
	function renamed(name, a) {
		var m = /^row\[(\d+)\](.*)$/.exec(name);
		if (!m || !a || a.name !== 'remove') return name;
		var i = Number(m[1]), k = Number(a.value);
		if (i === k) return null;
		return i > k ? 'row[' + (i - 1) + ']' + m[2] : name;
	}

	function announce(fresh) {
		var msgs = fresh.querySelectorAll('.msgs li, .errors li');
		var fr = Array.prototype.map.call(fresh.querySelectorAll('.infra-inline li'),
		    function (li) { return li.textContent.trim(); }).join(', ');
		var bumped = fresh.querySelector('.bumped');
		live.textContent = (bumped ? bumped.textContent + '. ' : '') + (msgs.length ?
		    msgs.length + ' problem' + (msgs.length > 1 ? 's' : '') + '. ' : '') + fr;
	}

	// Save is on when the plan differs from the stored one (the server's
	// data-changed) and nothing blocks it (the server's disabled).
	function saveState(st) {
		var save = st.form.querySelector('button.save');
		if (!save) return;
		if (st.blocked === undefined || st.fresh) st.blocked = save.disabled;
		st.fresh = false;
		var changed = st.form.getAttribute('data-changed') === '1';
		save.disabled = st.blocked || !changed;
		if (!changed && !st.blocked) save.title = 'Nothing has changed yet';
		else save.removeAttribute('title');
	}

	// Put the server's form in place of st.form. newer: what the person
	// typed or chose while the request was on its way (field name → value,
	// named as in the form that was sent); it wins over the server's copy,
	// so nothing typed during a recalculation is lost.
	function swap(st, html, a, newer) {
		var old = st.form, active = doc.activeElement,
		    name = active && old.contains(active) && active.name,
		    start = null, end = null;
		if (active && typeof active.selectionStart === 'number') {
			try { start = active.selectionStart; end = active.selectionEnd; } catch (e) { /* n/a */ }
		}
		var tmp = doc.createElement('div');
		tmp.innerHTML = html;
		var fresh = tmp.querySelector('form.manage');
		if (!fresh) throw new Error('reload');
		Object.keys(newer).forEach(function (k) {
			var n = renamed(k, a), el = n && fresh.elements[n];
			if (el && el.value !== undefined) el.value = newer[k];
		});
		old.replaceWith(fresh);
		st.form = fresh;
		st.fresh = true;
		bindForm(st);
		// Someone typing keeps the field; else the focus follows the
		// button pressed (its add button, or the search box after a
		// remove).
		var target = null, field = name && active.tagName !== 'BUTTON' && renamed(name, a);
		if (field) target = fresh.elements[field];
		else if (a && a.name === 'add') target = fresh.querySelector('button.add[value="' + a.value + '"]');
		else if (a && a.name === 'remove' && (!name || renamed(name, a) === null))
			target = fresh.querySelector('#svc-search');
		else if (name && renamed(name, a)) target = fresh.elements[renamed(name, a)];
		if (target && target.focus) {
			target.focus();
			if (start !== null && target.setSelectionRange)
				try { target.setSelectionRange(start, end); } catch (e) { /* n/a */ }
		}
		announce(fresh);
	}

	function filterAvail(form) {
		var q = form.querySelector('#svc-search');
		if (!q) return;
		var v = q.value.trim().toLowerCase();
		form.querySelectorAll('.avail-list li').forEach(function (li) {
			li.hidden = v !== '' && li.getAttribute('data-name').toLowerCase().indexOf(v) < 0;
		});
	}

	// One request at a time, in the order of the clicks: an add clicked
	// while another is on its way waits for it and is then sent with the
	// form that holds the first one's row. A recalculation waiting in line
	// is sent once.
	function send(st, a) {
		st.busy = true;
		st.form.setAttribute('aria-busy', 'true');
		var sent = values(st.form);
		post(st.form, a || { name: 'op', value: 'recalc' }).then(function (html) {
			var now = values(st.form), newer = {}, any = false;
			Object.keys(now).forEach(function (k) {
				if (now[k] !== sent[k]) { newer[k] = now[k]; any = true; }
			});
			swap(st, html, a, newer);
			st.busy = false;
			if (any && st.queue.indexOf(null) < 0) st.queue.push(null);
			saveState(st);
			next(st);
		}).catch(function () { st.form.submit(); });
	}

	function next(st) {
		if (st.busy) return;
		if (st.queue.length) { send(st, st.queue.shift()); return; }
		st.form.removeAttribute('aria-busy');
		if (st.saveAfter) {
			st.saveAfter = false;
			var save = st.form.querySelector('button.save');
			if (save && !save.disabled) st.form.requestSubmit(save);
		}
	}

	function enqueue(st, a) {
		if (a === null && st.queue.indexOf(null) >= 0) return;
		st.queue.push(a);
		next(st);
	}

	// Unsaved: the plan differs from the stored one, or something is typed
	// or on its way.
	function dirty(st) {
		return st.form.getAttribute('data-changed') === '1' || st.typed ||
		    st.busy || st.queue.length > 0 || st.timer !== null;
	}

	function leave(st, go) {
		if (!dirty(st)) { go(); return; }
		ask('Discard your changes to these services? Nothing has been saved.',
		    'Discard changes').then(function (yes) { if (yes) go(); });
	}

	function bindForm(st) {
		var form = st.form;
		function recalc() {
			clearTimeout(st.timer);
			st.typed = true;
			st.timer = setTimeout(function () {
				st.timer = null;
				enqueue(st, null);
			}, 250);
		}
		form.addEventListener('input', function (e) {
			if (e.target.id === 'svc-search') { filterAvail(form); return; }
			if (e.target.matches('input.money, input.qty')) recalc();
		});
		form.addEventListener('change', function (e) {
			if (e.target.matches('select')) recalc();
		});
		form.addEventListener('submit', function (e) {
			var b = e.submitter;
			if (b && b.name === 'op' && b.value === 'save') {
				if (!st.busy && !st.queue.length && st.timer === null) return;
				// Saved once what is on its way is back.
				e.preventDefault();
				if (st.timer !== null) {
					clearTimeout(st.timer);
					st.timer = null;
					enqueue(st, null);
				}
				st.saveAfter = true;
				return;
			}
			e.preventDefault();
			enqueue(st, b && b.name ? { name: b.name, value: b.value } : null);
		});
		form.addEventListener('click', function (e) {
			var a = e.target.closest('a.close, a.cancel');
			if (!a) return;
			e.preventDefault();
			leave(st, function () {
				if (st.dialog) st.dialog.close();
				else window.location = a.href;
			});
		});
		filterAvail(form);
	}

	function manage(form, dialog) {
		var st = { form: form, dialog: dialog, busy: false, queue: [], timer: null,
			typed: false, saveAfter: false, fresh: true };
		bindForm(st);
		saveState(st);
		return st;
	}
	doc.querySelectorAll('form.manage').forEach(function (f) { manage(f, null); });

	// The Services tab's button opens the same form as a modal dialog.
	doc.querySelectorAll('a[data-dialog]').forEach(function (a) {
		if (typeof HTMLDialogElement !== 'function') return;
		a.addEventListener('click', function (e) {
			e.preventDefault();
			var url = a.getAttribute('href');
			fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + 'partial=1', { credentials: 'same-origin' })
			    .then(function (res) {
				    if (!res.ok || res.redirected) throw new Error('nav');
				    return res.text();
			    })
			    .then(function (html) {
				    var dlg = doc.createElement('dialog');
				    dlg.className = 'manage-dialog';
				    dlg.innerHTML = html;
				    doc.body.appendChild(dlg);
				    var form = dlg.querySelector('form.manage');
				    if (!form) throw new Error('nav');
				    var st = manage(form, dlg);
				    // Esc with unsaved changes asks first.
				    dlg.addEventListener('cancel', function (ev) {
					    if (!dirty(st)) return;
					    ev.preventDefault();
					    leave(st, function () { dlg.close(); });
				    });
				    dlg.addEventListener('close', function () { dlg.remove(); a.focus(); });
				    dlg.showModal();
				    var first = dlg.querySelector('#svc-search');
				    if (first) first.focus();
			    })
			    .catch(function () { window.location = url; });
		});
	});
})();
