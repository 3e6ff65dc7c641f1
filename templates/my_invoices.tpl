{{%AUTOESCAPE context="HTML"}}<header class="page-head"><h1>Invoices</h1></header>
{{#HAS_ROWS}}<table class="grid invoices">
<thead><tr><th scope="col">Number</th><th scope="col">Period</th><th scope="col">Issued</th><th scope="col">Due</th><th scope="col" class="num">Net</th><th scope="col" class="num">VAT</th><th scope="col" class="num">Total</th><th scope="col" class="num">Left to pay</th><th scope="col">Status</th><th scope="col"><span class="sr">PDF</span></th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="{{HREF}}">{{NUMBER}}</a></td><td>{{PERIOD}}</td><td>{{ISSUE}}</td><td>{{DUE}}</td><td class="num">{{NET}}</td><td class="num">{{VAT}}</td><td class="num">{{GROSS}}</td><td class="num">{{DUE_AMOUNT}}</td><td><span class="badge {{STATUS_KEY}}">{{STATUS}}</span></td><td><a href="{{HREF}}/pdf">PDF<span class="sr"> of {{NUMBER}}</span></a></td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: no invoice has been issued to you yet.</p></div>{{/EMPTY}}
