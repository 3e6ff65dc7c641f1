{{%AUTOESCAPE context="HTML"}}<header class="page-head"><h1>Invoices</h1></header>
{{#HAS_ROWS}}<table class="grid invoices">
<thead><tr><th scope="col">Number</th><th scope="col">Period</th><th scope="col">Issued</th><th scope="col">Due</th><th scope="col" class="num">Net</th><th scope="col" class="num">VAT</th><th scope="col" class="num">Total</th><th scope="col" class="num">Left to pay</th><th scope="col">Status</th><th scope="col"><span class="sr">PDF</span></th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Number"><a href="{{HREF}}">{{NUMBER}}</a></td><td data-label="Period">{{PERIOD}}</td><td data-label="Issued">{{ISSUE}}</td><td data-label="Due">{{DUE}}</td><td class="num" data-label="Net">{{NET}}</td><td class="num" data-label="VAT">{{VAT}}</td><td class="num" data-label="Total">{{GROSS}}</td><td class="num" data-label="Left to pay">{{DUE_AMOUNT}}</td><td data-label="Status"><span class="badge {{STATUS_KEY}}">{{STATUS}}</span></td><td data-label="PDF"><a href="{{HREF}}/pdf">PDF<span class="sr"> of {{NUMBER}}</span></a></td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: no invoice has been issued to you yet.</p></div>{{/EMPTY}}
