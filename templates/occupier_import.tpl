{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div><p class="crumbs"><a href="/occupiers">Occupiers</a></p>
<h1>Import occupiers</h1></div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was imported:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#DONE}}<div class="flash" role="status">Imported: {{COUNTS}}.</div>{{/DONE}}
{{#PREVIEW}}<section class="card preview" aria-labelledby="preview-h">
<h2 id="preview-h">Preview</h2>
<p class="summary">This file: {{COUNTS}}.</p>
<table class="grid">
<thead><tr><th scope="col">Line</th><th scope="col">Billing reference</th><th scope="col">Name</th><th scope="col">Occupier</th><th scope="col">Contract</th><th scope="col">Contract action</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Line">{{LINE}}</td><td data-label="Billing reference">{{BILLING_REF}}</td><td data-label="Name">{{NAME}}</td><td data-label="Occupier">{{OCC_ACT}}</td><td data-label="Contract">{{CONTRACT_REF}}</td><td data-label="Contract action">{{CON_ACT}}</td></tr>
{{/ROW}}</tbody>
</table>
{{#CAN_IMPORT}}<form method="post" action="/occupiers/import">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="op" value="import">
<textarea name="data" hidden aria-hidden="true">{{DATA:pre_escape}}</textarea>
<div class="buttons"><button type="submit" class="primary">Import</button> <a href="/occupiers/import">Cancel</a></div>
</form>{{/CAN_IMPORT}}
</section>{{/PREVIEW}}
<section class="card">
<h2>Choose a file</h2>
<form method="post" action="/occupiers/import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="preview">
<div class="field{{#F_FILE_INVALID}} invalid{{/F_FILE_INVALID}}">
<label for="f-file">CSV file of occupiers</label>
<input id="f-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="h-file{{#F_FILE_INVALID}} e-file{{/F_FILE_INVALID}}"{{#F_FILE_INVALID}} aria-invalid="true"{{/F_FILE_INVALID}}>
{{#F_FILE_INVALID}}<p class="err" id="e-file">{{F_FILE_ERR}}</p>{{/F_FILE_INVALID}}
<p class="hint" id="h-file">A first line naming the columns, in any order: <code>billing_ref</code> and <code>name</code> (required), <code>legal_name</code>, <code>company_no</code>, <code>vat_number</code>, <code>billing_address</code>, <code>contact_name</code>, <code>contact_email</code>, <code>contact2_name</code>, <code>contact2_email</code>, <code>contact3_name</code>, <code>contact3_email</code>, and for a contract <code>site</code> (its name), <code>contract_ref</code>, <code>start_date</code>, <code>end_date</code> (YYYY-MM-DD), <code>value</code> (a month), <code>notice_months</code>, <code>deposit</code>. Then one occupier a line. Occupiers are matched by billing reference: importing a file again changes nothing twice. At most 1 MiB.</p>
</div>
<button type="submit" class="primary">Preview</button>
</form>
</section>
