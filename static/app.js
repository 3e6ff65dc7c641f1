// Tenantry: progressive enhancement only. Every screen works without this.
(function () {
	'use strict';
	document.documentElement.classList.add('js');
	// Site selectors and similar: submit on change.
	document.querySelectorAll('select[data-autosubmit]').forEach(function (s) {
		s.addEventListener('change', function () { s.form.submit(); });
	});
	// Take keyboard focus to the error summary after a failed save.
	var errors = document.getElementById('errors');
	if (errors) errors.focus();
})();
