// The lineage graph of the model catalogue: sources on the left, then dw, then marts; click a model to open it.
(function () {
  var el = document.getElementById('lineage');
  if (!el || !window.echarts) { return; }
  var layers = ['ods', 'dw', 'mart'];
  var colors = {ods: '#6c757d', dw: '#0d6efd', mart: '#198754'};
  fetch(el.dataset.src, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (g) {
    var rows = {ods: 0, dw: 0, mart: 0};
    var nodes = g.nodes.map(function (n) {
      var y = rows[n.layer]++;
      return {name: n.name, x: layers.indexOf(n.layer) * 320, y: y * 34, value: n.description,
        symbolSize: 12, itemStyle: {color: colors[n.layer]}, label: {show: true, position: 'right', fontSize: 11}};
    });
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {formatter: function (p) { return p.dataType === 'node' ? p.name + '<br>' + (p.value || '') : p.data.source + ' → ' + p.data.target; }},
      series: [{type: 'graph', layout: 'none', roam: true, data: nodes, edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6, lineStyle: {color: '#adb5bd', curveness: 0.15},
        links: g.edges.map(function (e) { return {source: e.source, target: e.target}; }),
        emphasis: {focus: 'adjacency'}}]
    });
    chart.on('click', function (p) {
      if (p.dataType === 'node' && p.name.indexOf('ods.') !== 0) { window.location.href = el.dataset.href + p.name; }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
