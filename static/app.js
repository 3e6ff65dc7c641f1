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

	function swap(form, html, focusSel) {
		var active = doc.activeElement, id = active && active.id,
		    start = null, end = null;
		if (active && typeof active.selectionStart === 'number') {
			try { start = active.selectionStart; end = active.selectionEnd; } catch (e) { /* n/a */ }
		}
		var tmp = doc.createElement('div');
		tmp.innerHTML = html;
		var fresh = tmp.querySelector('form.manage');
		if (!fresh) throw new Error('reload');
		form.replaceWith(fresh);
		bindManage(fresh);
		var target = (focusSel && fresh.querySelector(focusSel)) ||
		    (id && doc.getElementById(id));
		if (target) {
			target.focus();
			if (start !== null && target.setSelectionRange)
				try { target.setSelectionRange(start, end); } catch (e) { /* n/a */ }
		}
		var msgs = fresh.querySelectorAll('.msgs li, .errors li');
		var fr = Array.prototype.map.call(fresh.querySelectorAll('.infra-inline li'),
		    function (li) { return li.textContent.trim(); }).join(', ');
		live.textContent = (msgs.length ? msgs.length + ' problem' +
		    (msgs.length > 1 ? 's' : '') + '. ' : '') + fr;
	}

	function filterAvail(form) {
		var q = form.querySelector('#svc-search');
		if (!q) return;
		var v = q.value.trim().toLowerCase();
		form.querySelectorAll('.avail-list li').forEach(function (li) {
			li.hidden = v !== '' && li.getAttribute('data-name').toLowerCase().indexOf(v) < 0;
		});
	}

	function bindManage(form) {
		var timer = null;
		function recalc() {
			clearTimeout(timer);
			timer = setTimeout(function () {
				post(form, { name: 'op', value: 'recalc' })
				    .then(function (html) { swap(form, html); })
				    .catch(function () { form.submit(); });
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
			if (!b || (b.name === 'op' && b.value === 'save')) return;
			e.preventDefault();
			var focusSel = null;
			if (b.name === 'add') focusSel = 'button.add[value="' + b.value + '"]';
			if (b.name === 'remove') focusSel = '#svc-search';
			post(form, { name: b.name, value: b.value })
			    .then(function (html) { swap(form, html, focusSel); })
			    .catch(function () { form.submit(); });
		});
		filterAvail(form);
	}
	doc.querySelectorAll('form.manage').forEach(bindManage);

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
				    bindManage(form);
				    dlg.addEventListener('click', function (ev) {
					    if (ev.target.closest('a.close')) { ev.preventDefault(); dlg.close(); }
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
