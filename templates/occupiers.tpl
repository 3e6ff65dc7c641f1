{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<h1>Occupiers</h1>
<div class="actions"><a class="button" href="/occupiers/import">Import occupiers</a> <a class="button primary" href="/occupiers/new">New occupier</a></div>
</header>
<form class="toolbar" method="get" action="/occupiers" role="search">
<label for="q">Search by name</label>
<input id="q" name="q" type="search" value="{{Q}}" maxlength="200" placeholder="Name or billing reference…">
<label for="f-site">Site</label>
<select id="f-site" name="site"><option value="">Any site</option>
{{#SITE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SITE_OPT}}</select>
<label for="f-status">Contract</label>
<select id="f-status" name="status"><option value="">Any status</option>
{{#STATUS_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/STATUS_OPT}}</select>
<label for="f-sort">Sort by</label>
<select id="f-sort" name="sort"><option value="name"{{#BY_NAME}} selected{{/BY_NAME}}>Name</option><option value="ref"{{#BY_REF}} selected{{/BY_REF}}>Billing reference</option></select>
<button type="submit">Search</button>
{{#NO_MATCH}}<a href="/occupiers">Clear</a>{{/NO_MATCH}}{{#NO_FILTER_MATCH}}<a href="/occupiers">Clear</a>{{/NO_FILTER_MATCH}}
{{#COUNT}}<span class="count">{{TEXT}}</span>{{/COUNT}}
</form>
{{#HAS_ROWS}}<table class="grid">
<thead><tr><th scope="col"><a href="/occupiers?q={{Q}}&amp;sort=name">Name</a></th><th scope="col"><a href="/occupiers?q={{Q}}&amp;sort=ref">Billing reference</a></th><th scope="col">Sites</th><th scope="col" class="num">Active contracts</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Name"><a href="/occupiers/{{ID}}">{{NAME}}</a></td><td class="ref" data-label="Billing reference">{{BILLING_REF}}</td><td data-label="Sites">{{SITES}}</td><td class="num" data-label="Active contracts">{{ACTIVE}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#NO_MATCH}}<div class="empty"><p>No occupier name or billing reference contains “{{Q}}”.</p></div>{{/NO_MATCH}}
{{#NO_FILTER_MATCH}}<div class="empty"><p>No occupier matches these filters.</p></div>{{/NO_FILTER_MATCH}}
{{#EMPTY}}<div class="empty"><p>It is empty here. Add your first occupier to get started.</p><a class="button primary" href="/occupiers/new">New occupier</a></div>{{/EMPTY}}
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="/occupiers?q={{Q}}&amp;page={{N}}">← Previous</a>{{/PREV}}
<span>Page {{PAGE}} of {{PAGES}}</span>
{{#NEXT}}<a rel="next" href="/occupiers?q={{Q}}&amp;page={{N}}">Next →</a>{{/NEXT}}
</nav>{{/PAGER}}
{{#KEYED}}<nav class="pager" aria-label="Pages">
{{#FIRST}}<a href="/occupiers?q={{Q}}&amp;sort={{SORT}}&amp;site={{SITE}}&amp;status={{STATUS}}">← First page</a>{{/FIRST}}
{{#MORE}}<a rel="next" href="/occupiers?q={{Q}}&amp;sort={{SORT}}&amp;site={{SITE}}&amp;status={{STATUS}}&amp;after={{AFTER}}&amp;aid={{AID}}">Next →</a>{{/MORE}}
</nav>{{/KEYED}}
