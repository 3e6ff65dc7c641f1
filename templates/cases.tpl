{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<h1>Cases</h1>
<div class="actions"><a class="button primary" href="{{NEW_HREF}}">Raise a case</a></div>
</header>
<nav class="tabs" aria-label="Case status">
<ul>
{{#STATUS_TAB}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}} <span class="count">({{COUNT}})</span></a></li>
{{/STATUS_TAB}}</ul>
</nav>
<form class="toolbar" method="get" action="/cases" role="search">
<input type="hidden" name="status" value="{{STATUS}}">
{{>OCC_PICK}}
<label for="f-site">Site</label>
<select id="f-site" name="site" data-autosubmit>
<option value="">All sites</option>
{{#SITE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SITE_OPT}}</select>
<label for="f-assignee">Assignee</label>
<select id="f-assignee" name="assignee" data-autosubmit>
<option value="">Anyone</option>
<option value="none"{{#UNASSIGNED_SELECTED}} selected{{/UNASSIGNED_SELECTED}}>Unassigned</option>
{{#ASSIGNEE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/ASSIGNEE_OPT}}</select>
<label for="f-state">Status</label>
<select id="f-state" name="state" data-autosubmit>
<option value="">Any</option>
{{#STATE_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_OPT}}</select>
<label for="f-priority">Priority</label>
<select id="f-priority" name="priority" data-autosubmit>
<option value="">Any</option>
{{#PRIORITY_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRIORITY_OPT}}</select>
<label for="f-sla">SLA</label>
<select id="f-sla" name="sla" data-autosubmit>
<option value="">Any</option>
<option value="breached"{{#SLA_SELECTED}} selected{{/SLA_SELECTED}}>Breached</option>
</select>
<button type="submit" class="js-hide">Filter</button>
{{#FILTERED}}<a href="{{CLEAR_HREF}}">Clear</a>{{/FILTERED}}
<span class="count">{{TOTAL}} {{TOTAL_NOUN}}</span>
</form>
{{#PICK_ERR}}<p class="err" role="alert">{{MSG}}</p>{{/PICK_ERR}}
{{#HAS_ROWS}}<table class="grid cases">
<thead><tr><th scope="col">Subject</th><th scope="col">Occupier</th><th scope="col">Site</th><th scope="col">Related service</th><th scope="col">Status</th><th scope="col">Raised</th><th scope="col" class="num">Comments</th><th scope="col">Priority</th><th scope="col">Assignee</th><th scope="col">SLA</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Subject"><a href="/cases/{{ID}}">{{SUBJECT}}</a></td><td data-label="Occupier"><a href="/occupiers/{{OCC_ID}}">{{OCC_NAME}}</a></td><td data-label="Site">{{SITE_NAME}}</td><td data-label="Related service">{{#SERVICE}}{{SERVICE_NAME}}{{/SERVICE}}{{#NO_SERVICE}}<span class="muted">—</span>{{/NO_SERVICE}}</td><td data-label="Status"><span class="badge {{STATUS_CLASS}}">{{STATUS_LABEL}}</span></td><td class="nowrap" data-label="Raised"><time datetime="{{RAISED_ISO}}">{{RAISED}}</time></td><td class="num" data-label="Comments">{{NCOMMENTS}}</td><td data-label="Priority"><span class="prio prio-{{PRIORITY_KEY}}">{{PRIORITY}}</span></td><td data-label="Assignee">{{ASSIGNEE}}</td><td data-label="SLA"><span class="sla sla-{{SLA_STATE}}">{{#SLA_BREACHED}}Breached: {{/SLA_BREACHED}}{{SLA_SHORT}}</span></td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>{{EMPTY_TEXT}}</p>{{#EMPTY_OTHER}}<p><a href="{{HREF}}">{{LABEL}}</a></p>{{/EMPTY_OTHER}}<a class="button primary" href="{{NEW_HREF}}">Raise a case</a></div>{{/EMPTY}}
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="{{HREF}}">← Previous</a>{{/PREV}}
{{#NEXT}}<a rel="next" href="{{HREF}}">Next →</a>{{/NEXT}}
</nav>{{/PAGER}}
