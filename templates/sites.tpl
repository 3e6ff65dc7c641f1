{{%AUTOESCAPE context="HTML"}}<header class="page-head"><h1>Sites</h1>{{#CAN_EDIT}}<div class="actions"><a class="button primary" href="/sites/new">New site</a></div>{{/CAN_EDIT}}</header>
{{#HAS_ROWS}}<table class="grid">
<thead><tr><th scope="col">Site</th><th scope="col">Address</th><th scope="col" class="num">Floors</th><th scope="col" class="num">Floor ports</th><th scope="col" class="num">Occupiers</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Site"><a href="/sites/{{ID}}">{{NAME}}</a></td><td data-label="Address">{{ADDRESS}}</td><td class="num" data-label="Floors">{{FLOORS}}</td><td class="num" data-label="Floor ports">{{PORTS}}</td><td class="num" data-label="Occupiers">{{OCCUPIERS}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#NO_LIVE}}<div class="empty"><p>Every site is archived: restore one on its page, or add a new site.</p></div>{{/NO_LIVE}}
{{#HAS_ARCHIVED}}<h2>Archived sites</h2>
<table class="grid">
<thead><tr><th scope="col">Site</th><th scope="col">Address</th><th scope="col">Archived on</th><th scope="col" class="num">Occupiers</th></tr></thead>
<tbody>
{{#AROW}}<tr><td data-label="Site"><a href="/sites/{{ID}}">{{NAME}}</a></td><td data-label="Address">{{ADDRESS}}</td><td data-label="Archived on">{{DATE}}</td><td class="num" data-label="Occupiers">{{OCCUPIERS}}</td></tr>
{{/AROW}}</tbody>
</table>{{/HAS_ARCHIVED}}
{{#EMPTY}}<div class="empty"><p>It is empty here: no sites yet.</p></div>{{/EMPTY}}
