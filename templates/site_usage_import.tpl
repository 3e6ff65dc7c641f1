{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div><p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/usage">Billing Usage Report</a></p>
<h1>Import usage at {{SITE_NAME}}</h1></div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was imported:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#DONE}}<div class="flash" role="status">Imported {{FILE}}: {{RECORDS}} records, {{ADDED}} new, {{DUPLICATES}} imported before (counted once){{#CALLS}}, {{UNATTRIBUTED}} from numbers nobody held (not charged){{/CALLS}}.</div>{{/DONE}}
<div class="cards">
<section class="card">
<h2>Call records</h2>
<form method="post" action="/sites/{{SITE_ID}}/usage/import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="calls">
<div class="field{{#KIND_CALLS}}{{#F_FILE_INVALID}} invalid{{/F_FILE_INVALID}}{{/KIND_CALLS}}">
<label for="f-file">CSV file of the phone platform</label>
<input id="f-file" name="file" type="file" accept=".csv,text/csv" required>
<p class="hint">One call a line: calling number, called number, start time with its zone (2026-02-03T09:15:00Z), duration in seconds, direction (out or in) and, optionally, the carrier's cost. A first line naming the columns is skipped. At most 1 MiB; larger files: <code>tenantry usage import --site {{SITE_ID}} FILE…</code></p>
</div>
<button type="submit" class="primary">Import call records</button>
</form>
</section>
<section class="card">
<h2>Traffic samples</h2>
<form method="post" action="/sites/{{SITE_ID}}/usage/import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="traffic">
<div class="field{{#F_OCCUPIER_OCC_INVALID}} invalid{{/F_OCCUPIER_OCC_INVALID}}">
{{>OCC_PICK}}
<p class="hint">Whose port or VLAN: its name or billing reference (an occupier with a contract at this site).</p>
{{#F_OCCUPIER_OCC_INVALID}}<p class="err" id="e-occupier_occ">{{F_OCCUPIER_OCC_ERR}}</p>{{/F_OCCUPIER_OCC_INVALID}}
</div>
<div class="field">
<label for="f-interface">Port or VLAN</label>
<input id="f-interface" name="interface" maxlength="64" value="{{F_INTERFACE}}" required>
</div>
<div class="field{{#KIND_TRAFFIC}}{{#F_FILE_INVALID}} invalid{{/F_FILE_INVALID}}{{/KIND_TRAFFIC}}">
<label for="f-tfile">CSV file of 5-minute samples</label>
<input id="f-tfile" name="file" type="file" accept=".csv,text/csv" required>
<p class="hint">One sample a line: timestamp with its zone, bytes in and bytes out over the 5 minutes from it.</p>
</div>
<button type="submit" class="primary">Import traffic</button>
</form>
</section>
</div>
<h2>Latest imports</h2>
{{#HAS_IMPORTS}}<table class="grid usage-imports">
<thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">File</th><th scope="col">Of</th><th scope="col" class="num">Records</th><th scope="col" class="num">New</th><th scope="col" class="num">Before</th><th scope="col">By</th></tr></thead>
<tbody>
{{#IMPORT}}<tr><td class="nowrap" data-label="When">{{AT}}</td><td data-label="What">{{KIND}}</td><td data-label="File">{{FILE}}</td><td data-label="Of">{{FOR}}</td><td class="num" data-label="Records">{{RECORDS}}</td><td class="num" data-label="New">{{ADDED}}</td><td class="num" data-label="Before">{{DUPLICATES}}</td><td data-label="By">{{BY}}</td></tr>
{{/IMPORT}}</tbody>
</table>{{/HAS_IMPORTS}}
{{#NO_IMPORTS}}<p class="empty">Nothing has been imported at {{SITE_NAME}} yet.</p>{{/NO_IMPORTS}}
