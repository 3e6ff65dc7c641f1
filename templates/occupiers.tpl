{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<h1>Occupiers</h1>
<div class="actions"><a class="button primary" href="/occupiers/new">New occupier</a></div>
</header>
<form class="toolbar" method="get" action="/occupiers" role="search">
<label for="q">Search by name</label>
<input id="q" name="q" type="search" value="{{Q}}" maxlength="200" placeholder="Name contains…">
<button type="submit">Search</button>
{{#NO_MATCH}}<a href="/occupiers">Clear</a>{{/NO_MATCH}}
<span class="count">{{TOTAL}} {{TOTAL_NOUN}}</span>
</form>
{{#HAS_ROWS}}<table class="grid">
<thead><tr><th scope="col">Name</th><th scope="col">Billing reference</th><th scope="col">Sites</th><th scope="col" class="num">Active contracts</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Name"><a href="/occupiers/{{ID}}">{{NAME}}</a></td><td class="ref" data-label="Billing reference">{{BILLING_REF}}</td><td data-label="Sites">{{SITES}}</td><td class="num" data-label="Active contracts">{{ACTIVE}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#NO_MATCH}}<div class="empty"><p>No occupier name contains “{{Q}}”.</p></div>{{/NO_MATCH}}
{{#EMPTY}}<div class="empty"><p>It is empty here. Add your first occupier to get started.</p><a class="button primary" href="/occupiers/new">New occupier</a></div>{{/EMPTY}}
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="/occupiers?q={{Q}}&amp;page={{N}}">← Previous</a>{{/PREV}}
<span>Page {{PAGE}} of {{PAGES}}</span>
{{#NEXT}}<a rel="next" href="/occupiers?q={{Q}}&amp;page={{N}}">Next →</a>{{/NEXT}}
</nav>{{/PAGER}}
