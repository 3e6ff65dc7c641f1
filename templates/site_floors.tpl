{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a></p>
<h1>Floors and spaces</h1>
</div>
</header>
{{#DONE}}<p class="flash" role="status">{{MSG}}</p>{{/DONE}}
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#ADMIN}}<div class="actions"><a class="button primary" href="/sites/{{SITE_ID}}/spaces/new">Add a space</a> <a class="button" href="/sites/{{SITE_ID}}/floors/new">Add a floor</a></div>{{/ADMIN}}
{{#HAS_FLOORS}}{{#FLOOR}}<section class="floor" aria-labelledby="floor-{{ID}}">
<h2 id="floor-{{ID}}">{{NAME}}</h2>
{{#HAS_SPACES}}<table class="grid">
<thead><tr><th scope="col">Space</th><th scope="col">Kind</th><th scope="col" class="num">Capacity</th><th scope="col">Floor ports</th><th scope="col">Held by</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#SPACE}}<tr><td data-label="Space">{{NAME}}</td><td data-label="Kind">{{KIND}}</td><td class="num" data-label="Capacity">{{CAPACITY}}</td><td data-label="Floor ports">{{PORTS}}</td><td data-label="Held by">{{HOLDER}}</td><td class="act">{{#ARCHIVED}}<span class="muted">Archived</span>{{/ARCHIVED}}{{#CAN_EDIT}}<a href="/sites/{{SITE_ID}}/spaces/{{ID}}/edit">Edit<span class="sr"> {{NAME}}</span></a> <form class="inline" method="post" action="/sites/{{SITE_ID}}/spaces/{{ID}}/archive"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="small">Archive<span class="sr"> {{NAME}}</span></button></form>{{/CAN_EDIT}}</td></tr>
{{/SPACE}}</tbody>
</table>{{/HAS_SPACES}}
{{#NO_SPACES}}<p class="empty">No spaces on this floor.</p>{{/NO_SPACES}}
</section>
{{/FLOOR}}{{/HAS_FLOORS}}
{{#EMPTY}}<div class="empty"><p>This site has no floors yet.</p></div>{{/EMPTY}}
