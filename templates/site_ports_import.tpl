{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/network">Network</a></p>
<h1>Import floor ports</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/ports/import" novalidate enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint">Nothing is imported before you confirm the preview; a file with any bad row is imported not at all.</p>
<div class="field{{#F_FLOOR_INVALID}} invalid{{/F_FLOOR_INVALID}}">
<label for="f-floor">Floor <span class="req">(required)</span></label>
<select id="f-floor" name="floor"{{#F_FLOOR_INVALID}} aria-describedby="e-floor"{{/F_FLOOR_INVALID}}{{#F_FLOOR_INVALID}} aria-invalid="true"{{/F_FLOOR_INVALID}}><option value="">Choose a floor</option>{{#FLOOR_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FLOOR_OPT}}</select>
{{#F_FLOOR_INVALID}}<p class="err" id="e-floor">{{F_FLOOR_ERR}}</p>{{/F_FLOOR_INVALID}}
</div>
<div class="field{{#F_FILE_INVALID}} invalid{{/F_FILE_INVALID}}">
<label for="f-file">CSV file</label>
<input id="f-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="h-file{{#F_FILE_INVALID}} e-file{{/F_FILE_INVALID}}"{{#F_FILE_INVALID}} aria-invalid="true"{{/F_FILE_INVALID}}>
<p class="hint" id="h-file">Columns: label, switch, port, role, space (role empty: disabled; space empty: none). A first line starting with "label" is a header.</p>
{{#F_FILE_INVALID}}<p class="err" id="e-file">{{F_FILE_ERR}}</p>{{/F_FILE_INVALID}}
</div>
<div class="field{{#F_CSV_INVALID}} invalid{{/F_CSV_INVALID}}">
<label for="f-csv">Or paste the rows</label>
<textarea id="f-csv" name="csv" rows="8"{{#F_CSV_INVALID}} aria-invalid="true" aria-describedby="e-csv"{{/F_CSV_INVALID}}>{{CSV:pre_escape}}</textarea>
{{#F_CSV_INVALID}}<p class="err" id="e-csv">{{F_CSV_ERR}}</p>{{/F_CSV_INVALID}}
</div>
<input type="hidden" name="step" value="preview">
<div class="buttons">
<button type="submit" class="primary">Preview</button>
<a href="/sites/{{SITE_ID}}/network">Cancel</a>
</div>
</form>
{{#PREVIEW}}<section class="card" aria-labelledby="pv-h">
<h2 id="pv-h">Preview: {{NROWS}} floor ports</h2>
<table class="grid">
<thead><tr><th scope="col" class="num">Line</th><th scope="col">Label</th><th scope="col">Switch</th><th scope="col" class="num">Port</th><th scope="col">Role</th><th scope="col">Space</th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="num" data-label="Line">{{LINE}}</td><td data-label="Label">{{LABEL}}</td><td data-label="Switch">{{SWITCH}}</td><td class="num" data-label="Port">{{PORT}}</td><td data-label="Role">{{ROLE}}</td><td data-label="Space">{{SPACE}}</td></tr>
{{/ROW}}</tbody>
</table>
<form method="post" action="/sites/{{SITE_ID}}/ports/import">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="floor" value="{{FLOOR_ID}}">
<input type="hidden" name="step" value="import">
<textarea name="csv" hidden>{{CSV:pre_escape}}</textarea>
<div class="buttons"><button type="submit" class="primary">Import {{NROWS}} floor ports</button></div>
</form>
</section>{{/PREVIEW}}