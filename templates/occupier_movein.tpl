{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/occupiers">Occupiers</a> › {{OCC_NAME}}</p>
<h1>Move-in: site and contract</h1>
</div>
</header>
<ol class="steps" aria-label="Move-in"><li class="done"><a href="/occupiers/{{OCC_ID}}/edit?movein=1">1 Occupier</a></li><li aria-current="step">2 Site and contract</li><li>3 Services</li></ol>
{{#CREATED}}<p class="flash" role="status">{{OCC_NAME}} created. Now its site and contract.</p>{{/CREATED}}
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#NO_SITES}}<div class="notice" role="alert">There are no sites yet: an operator admin adds sites first.</div>{{/NO_SITES}}
<form class="card form" method="post" action="/occupiers/{{OCC_ID}}/move-in" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="0">
<div class="field{{#F_SITE_INVALID}} invalid{{/F_SITE_INVALID}}">
<label for="f-site">Site <span class="req">(required)</span></label>
<select id="f-site" name="site" required{{#F_SITE_INVALID}} aria-invalid="true" aria-describedby="e-site"{{/F_SITE_INVALID}}>
<option value="">Choose a site…</option>
{{#SITE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SITE}}</select>
{{#F_SITE_INVALID}}<p class="err" id="e-site">{{F_SITE_ERR}}</p>{{/F_SITE_INVALID}}
</div>
<div class="field{{#F_REFERENCE_INVALID}} invalid{{/F_REFERENCE_INVALID}}">
<label for="f-reference">Contract reference <span class="req">(required)</span></label>
<input id="f-reference" name="reference" type="text" maxlength="64" required value="{{F_REFERENCE}}"{{#F_REFERENCE_INVALID}} aria-invalid="true" aria-describedby="e-reference"{{/F_REFERENCE_INVALID}}>
{{#F_REFERENCE_INVALID}}<p class="err" id="e-reference">{{F_REFERENCE_ERR}}</p>{{/F_REFERENCE_INVALID}}
</div>
<div class="field{{#F_START_DATE_INVALID}} invalid{{/F_START_DATE_INVALID}}">
<label for="f-start_date">Start date <span class="req">(required)</span></label>
<input id="f-start_date" name="start_date" type="date" required value="{{F_START_DATE}}"{{#F_START_DATE_INVALID}} aria-invalid="true" aria-describedby="e-start_date"{{/F_START_DATE_INVALID}}>
{{#F_START_DATE_INVALID}}<p class="err" id="e-start_date">{{F_START_DATE_ERR}}</p>{{/F_START_DATE_INVALID}}
</div>
<div class="field{{#F_END_DATE_INVALID}} invalid{{/F_END_DATE_INVALID}}">
<label for="f-end_date">End date <span class="opt">(optional)</span></label>
<input id="f-end_date" name="end_date" type="date" value="{{F_END_DATE}}" aria-describedby="h-end_date{{#F_END_DATE_INVALID}} e-end_date{{/F_END_DATE_INVALID}}"{{#F_END_DATE_INVALID}} aria-invalid="true"{{/F_END_DATE_INVALID}}>
<p class="hint" id="h-end_date">Leave empty for an open-ended contract.</p>
{{#F_END_DATE_INVALID}}<p class="err" id="e-end_date">{{F_END_DATE_ERR}}</p>{{/F_END_DATE_INVALID}}
</div>
<div class="field{{#F_VALUE_INVALID}} invalid{{/F_VALUE_INVALID}}">
<label for="f-value">Contract value a month <span class="opt">(optional)</span></label>
<input id="f-value" name="value" type="text" inputmode="decimal" maxlength="20" value="{{F_VALUE}}" aria-describedby="h-value{{#F_VALUE_INVALID}} e-value{{/F_VALUE_INVALID}}"{{#F_VALUE_INVALID}} aria-invalid="true"{{/F_VALUE_INVALID}}>
<p class="hint" id="h-value">In the site's currency, e.g. 1250.00.</p>
{{#F_VALUE_INVALID}}<p class="err" id="e-value">{{F_VALUE_ERR}}</p>{{/F_VALUE_INVALID}}
</div>
<div class="field{{#F_NOTICE_MONTHS_INVALID}} invalid{{/F_NOTICE_MONTHS_INVALID}}">
<label for="f-notice_months">Notice period (months) <span class="opt">(optional)</span></label>
<input id="f-notice_months" name="notice_months" type="text" inputmode="numeric" maxlength="2" value="{{F_NOTICE_MONTHS}}"{{#F_NOTICE_MONTHS_INVALID}} aria-invalid="true" aria-describedby="e-notice_months"{{/F_NOTICE_MONTHS_INVALID}}>
{{#F_NOTICE_MONTHS_INVALID}}<p class="err" id="e-notice_months">{{F_NOTICE_MONTHS_ERR}}</p>{{/F_NOTICE_MONTHS_INVALID}}
</div>
<div class="field{{#F_DEPOSIT_INVALID}} invalid{{/F_DEPOSIT_INVALID}}">
<label for="f-deposit">Deposit <span class="opt">(optional)</span></label>
<input id="f-deposit" name="deposit" type="text" inputmode="decimal" maxlength="20" value="{{F_DEPOSIT}}"{{#F_DEPOSIT_INVALID}} aria-invalid="true" aria-describedby="e-deposit"{{/F_DEPOSIT_INVALID}}>
{{#F_DEPOSIT_INVALID}}<p class="err" id="e-deposit">{{F_DEPOSIT_ERR}}</p>{{/F_DEPOSIT_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Save contract and choose services</button>
<a href="/occupiers/{{OCC_ID}}/edit?movein=1">Back</a>
<a href="/occupiers/{{OCC_ID}}">Skip: no contract yet</a>
</div>
</form>
