/*
 * Mnemo report pages. Fetches results-service's JSON API and draws with ECharts (SVG renderer, so the charts'
 * text is in the DOM). Pages: /experiments (the list) and /experiments/{id} (one report); <body data-page> says
 * which. When everything is drawn, <body data-report-state> becomes "ready"; when a request fails, "error", and a
 * message with the attribute data-report-error says which request and why, and the sections not drawn are
 * hidden. Either way <body data-report-height> then gives the page's height in CSS pixels.
 */
(function () {
  'use strict';

  const PERCENT = 100;
  const COLORS = ['#3563b0', '#d0663f', '#3b9a6b', '#8a5bb5', '#c2a23a', '#4aa3b8', '#b84a7c', '#6b6b6b'];

  // ---- small helpers -----------------------------------------------------------------------------------------

  /** An element with attributes and children (strings become text nodes: data never becomes markup). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined) {
        node.setAttribute(name, value);
      }
    });
    children.flat().forEach((child) => {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : String(child));
      }
    });
    return node;
  }

  async function getJson(path) {
    let response;
    try {
      response = await fetch(path, {headers: {Accept: 'application/json'}});
    } catch (e) {
      throw new Error('GET ' + path + ' did not reach results-service: ' + e.message);
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).error || detail;
      } catch (ignored) {
        // not JSON: keep the status text
      }
      throw new Error('GET ' + path + ' answered ' + response.status + ': ' + detail);
    }
    try {
      return await response.json();
    } catch (e) {
      throw new Error('GET ' + path + ' answered ' + response.status + ' with a body that is not JSON');
    }
  }

  /**
   * A failed request (or a failure while drawing) replaces the report with one message: which request, what
   * results-service answered, and what to try. Sections that were not drawn are hidden, not left empty.
   */
  function showProblem(error) {
    document.body.dataset.reportState = 'error';
    const meta = document.getElementById('experiment-meta');
    if (meta) {
      meta.textContent = 'The report could not be loaded.';
    }
    document.querySelectorAll('main > section').forEach((section) => {
      if (!section.dataset.drawn) {
        section.hidden = true;
      }
    });
    const box = document.getElementById('report-problems');
    box.append(el('div', {class: 'problem', role: 'alert', 'data-report-error': 'true'},
      el('p', {}, el('strong', {}, 'Could not load the report. '), error.message),
      el('p', {class: 'note'}, 'Reload the page to try again. If it keeps failing, check that results-service is '
        + 'running (./mnemo status) and read its log; the same data is at the JSON API linked below.')));
  }

  /** Marks a section as drawn: on a later failure it stays visible. */
  function drawn(id) {
    const section = document.getElementById(id);
    if (section) {
      section.dataset.drawn = 'true';
    }
  }

  /** 0.25 -> "25.0" (accuracies are stored 0..1 and shown in %). */
  function pct(value) {
    return value === null || value === undefined ? '' : (value * PERCENT).toFixed(1);
  }

  /** A spread {n, mean, std} as "25.0 ± 7.1" (in %) or "105 ± 7" (counts); a single seed has no ± part. */
  function spreadText(spread, format) {
    if (!spread || spread.mean === null || spread.mean === undefined) {
      return '—';
    }
    const mean = format(spread.mean);
    return spread.std === null || spread.std === undefined ? mean : mean + ' ± ' + format(spread.std);
  }

  /** A difference to naive with its interval, "+35.0 [-44.1, +114.1]"; "—" without one (naive itself, one seed). */
  function differenceText(versus, field, format) {
    const d = versus && versus[field];
    if (!d) {
      return '—';
    }
    const signed = (v) => (v >= 0 ? '+' : '') + format(v);
    return signed(d.mean) + ' [' + signed(d.low) + ', ' + signed(d.high) + ']';
  }

  /** A mean log-probability: -0.123 -> "-0.12". */
  function logProb(value) {
    return value.toFixed(2);
  }

  function count(value) {
    return Math.round(value).toString();
  }

  /** Device-seconds without a unit: 3.14159 -> "3.14", 812.34 -> "812.3", 12345.6 -> "12,346". */
  function secs(value) {
    if (value === null || value === undefined) {
      return '—';
    }
    if (value === 0) {
      return '0';
    }
    if (value < 10) {
      return value.toFixed(2);
    }
    return value < 1000 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
  }

  /** Device-seconds with the unit, and in hours from an hour up: "812.3 s", "7,200 s (2.00 h)". */
  function secondsText(value) {
    return secs(value) + ' s' + (value >= 3600 ? ' (' + (value / 3600).toFixed(2) + ' h)' : '');
  }

  /** The hardware names of a cost, or a dash. */
  function hardwareText(cost) {
    return cost && cost.hardware && cost.hardware.length ? cost.hardware.join(', ') : '—';
  }

  function table(node, headers, rows) {
    node.replaceChildren(
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
  }

  function chart(node) {
    // SVG: crisp at any zoom, printable, and its text is part of the page.
    return echarts.init(node, null, {renderer: 'svg'});
  }

  function stageName(datasets, index) {
    return 'stage ' + index + (datasets[index] ? ' (' + datasets[index] + ')' : '');
  }

  // ---- the experiment list -----------------------------------------------------------------------------------

  async function listPage() {
    const experiments = await getJson('/api/experiments');
    const rows = experiments.map((e) => [
      el('a', {href: '/experiments/' + encodeURIComponent(e.id)}, e.name || e.id),
      el('span', {class: 'status status-' + e.status}, e.status),
      e.submittedAt ? e.submittedAt.replace('T', ' ').replace('Z', ' UTC') : '',
      e.submittedBy || '',
      e.runs.completed + ' / ' + (e.plannedRuns ?? e.runs.total) + ' completed'
        + (e.runs.failed ? ', ' + e.runs.failed + ' failed' : '')
        + (e.runs.cancelled ? ', ' + e.runs.cancelled + ' cancelled' : ''),
      el('code', {}, e.id)]);
    const node = document.getElementById('experiments-table');
    if (rows.length === 0) {
      node.replaceWith(el('p', {class: 'explain'},
        'No experiments yet: submit one with ./mnemo submit or POST /api/experiments.'));
      return;
    }
    table(node, ['Experiment', 'Status', 'Submitted', 'By', 'Runs', 'Id'], rows);
  }

  // ---- one experiment ----------------------------------------------------------------------------------------

  async function experimentPage() {
    const id = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
    const base = '/api/experiments/' + encodeURIComponent(id);
    document.getElementById('json-link').setAttribute('href', base);
    const [lineage, comparison, retention, lens] = await Promise.all([getJson(base),
      getJson(base + '/comparison'), getJson(base + '/retention'), getJson(base + '/logit-lens')]);
    const losses = await Promise.all(lineage.runs.map((run) =>
      getJson('/api/runs/' + encodeURIComponent(run.id) + '/loss').then((points) => ({run, points}))));

    if (!window.echarts) {
      throw new Error('the chart library (/webjars/echarts/dist/echarts.min.js) did not load.');
    }
    header(lineage);
    specSummary(lineage.spec);
    drawn('spec');
    retentionChart(comparison, retention);
    drawn('retention');
    matrices(comparison, retention);
    drawn('matrices');
    runMatrices(comparison, retention);
    drawn('run-matrices');
    costs(lineage, comparison);
    drawn('cost');
    logitLens(lens);
    drawn('lens');
    lossCurves(lineage, comparison.datasets, losses);
    drawn('loss');
    runsTable(lineage, retention);
    drawn('runs');
  }

  function header(lineage) {
    document.title = 'Mnemo · ' + (lineage.name || lineage.id);
    document.getElementById('experiment-name').textContent = lineage.name || lineage.id;
    const status = document.getElementById('experiment-status');
    status.textContent = lineage.status;
    status.classList.add('status-' + lineage.status);
    const runs = lineage.runs;
    const by = (s) => runs.filter((r) => r.status === s).length;
    const parts = [
      'id ' + lineage.id,
      'submitted ' + lineage.submittedAt.replace('T', ' ').replace('Z', ' UTC')
        + (lineage.submittedBy ? ' by ' + lineage.submittedBy : ''),
      runs.length + ' runs: ' + by('completed') + ' completed, ' + by('failed') + ' failed, '
        + (by('running') + by('planned')) + ' in progress'
        + (by('cancelled') ? ', ' + by('cancelled') + ' cancelled' : '')];
    if (lineage.cancellation) {
      parts.push('cancelled ' + lineage.cancellation.at.replace('T', ' ').replace('Z', ' UTC')
        + (lineage.cancellation.by ? ' by ' + lineage.cancellation.by : ''));
    }
    document.getElementById('experiment-meta').textContent = parts.join(' · ');
    if (lineage.rejection) {
      showRejection(lineage.rejection);
    }
  }

  function showRejection(rejection) {
    document.getElementById('report-problems').append(el('p', {class: 'problem'},
      'Rejected: ' + rejection.reason + (rejection.field ? ' (field ' + rejection.field + ')' : '')));
  }

  function specSummary(spec) {
    const list = document.getElementById('spec-summary');
    if (!spec) {
      list.append(el('dt', {}, 'spec'), el('dd', {}, 'not read yet'));
      return;
    }
    const entry = (term, value) => list.append(el('dt', {}, term), el('dd', {}, value));
    const model = spec.model || {};
    entry('model', model.preset ? 'preset ' + model.preset + ' (seed ' + (model.seed ?? 0) + ')' : model.uri);
    entry('stages', (spec.stages || []).map((s, i) => {
      const d = s.dataset || {};
      return i + ': ' + d.name + (d.split ? ':' + d.split : '') + (d.size ? ' × ' + d.size : '');
    }).join('  →  '));
    const training = spec.training || {};
    const stopping = training.stopping || {};
    entry('training', [
      training.learningRate !== undefined ? 'lr ' + training.learningRate : null,
      training.batchSize !== undefined ? 'batch ' + training.batchSize : null,
      stopping.rule ? 'stop ' + stopping.rule + (stopping.epochs ? ' (≤ ' + stopping.epochs + ' epochs)' : '') : null]
      .filter(Boolean).join(', ') || 'defaults');
    const grid = spec.grid || {};
    entry('methods', (grid.methods || []).map((m) => m.name
      + (m.mixing ? ' (' + m.mixing.source + ' x' + (m.mixing.ratio ?? 2) + ')' : '')
      + (m.replay ? ' (' + (m.replay.fraction * PERCENT) + '% of D_A)' : '')).join(', '));
    if (grid.mixRatios) {
      entry('mix ratios', grid.mixRatios.join(', '));
    }
    entry('seeds', (grid.seeds || [0]).join(', '));
  }

  function retentionChart(comparison, retention) {
    const methods = comparison.methods;
    const datasets = comparison.datasets;
    const first = datasets[0] || 'D_A';
    const last = datasets.length > 1 ? datasets[datasets.length - 1] : 'D_B';
    const metric = (retention.runs.find((r) => r.metrics[0]) || {metrics: ['accuracy']}).metrics[0];
    const versus = new Map((comparison.versusNaive || []).map((v) => [v.label, v]));

    table(document.getElementById('comparison-table'),
      ['Method', 'Seeds', 'Retention (' + first + ') %', 'Gold log p (' + first + ')',
        'Gold tokens (' + first + ') %', 'Forgetting %', 'Last stage (' + last + ') %',
        'Retention vs naive, points (95% CI)', 'Gold log p vs naive (95% CI)', 'Steps per stage'],
      methods.map((m) => [
        m.label,
        [el('div', {}, String(m.n))].concat(
          m.failed ? [el('div', {class: 'note'}, '+' + m.failed + ' failed')] : [],
          m.pending ? [el('div', {class: 'note'}, '+' + m.pending + ' running')] : []),
        spreadText(m.retention, pct),
        spreadText(m.retentionLogProb, logProb),
        spreadText(m.retentionTokenAccuracy, pct),
        spreadText(m.forgetting, pct),
        spreadText(m.lastStageAccuracy, pct),
        differenceText(versus.get(m.label), 'retention', pct),
        differenceText(versus.get(m.label), 'retentionLogProb', logProb),
        m.stepsPerStage.length === 0 ? '—'
          : m.stepsPerStage.map((s, i) => el('div', {}, i + ': ' + spreadText(s, count)))]));
    const failed = document.getElementById('failed-runs');
    methods.forEach((m) => m.failedRuns.forEach((f) => failed.append(el('li', {},
      'Excluded: ' + (f.label || f.runId) + ' failed'
        + (f.stageIndex !== null && f.stageIndex !== undefined ? ' at stage ' + f.stageIndex : '')
        + (f.reason ? ': ' + f.reason : '')))));

    const labels = methods.map((m) => m.label);
    chart(document.getElementById('retention-chart')).setOption({
      animation: false,
      color: COLORS,
      title: {text: 'Retention of ' + first + ' after the last stage', left: 'center', textStyle: {fontSize: 14}},
      grid: {left: 64, right: 16, top: 48, bottom: 64},
      tooltip: {trigger: 'item'},
      xAxis: {type: 'category', data: labels, axisLabel: {interval: 0, rotate: labels.length > 3 ? 20 : 0}},
      yAxis: {type: 'value', min: 0, max: 100, name: 'retention on ' + first + ' (' + metric + ', %)',
        nameLocation: 'middle', nameGap: 44},
      series: [
        {
          name: 'mean', type: 'bar', barMaxWidth: 72,
          itemStyle: {color: (p) => COLORS[p.dataIndex % COLORS.length], opacity: 0.85},
          data: methods.map((m) => m.retention.mean === null ? null : m.retention.mean * PERCENT),
          label: {show: true, position: 'insideBottom', distance: 8, color: '#fff', fontWeight: 'bold',
            formatter: (p) => spreadText(methods[p.dataIndex].retention, pct)}
        },
        {
          name: '± std', type: 'custom', z: 10,
          data: methods.flatMap((m, i) => m.retention.std === null || m.retention.std === undefined ? []
            : [[i, (m.retention.mean - m.retention.std) * PERCENT, (m.retention.mean + m.retention.std) * PERCENT]]),
          renderItem: errorBar,
          encode: {x: 0, y: [1, 2]}
        },
        {
          name: 'seed', type: 'scatter', symbolSize: 7, itemStyle: {color: '#222'}, z: 11,
          data: methods.flatMap((m, i) => m.runs.filter((r) => r.retention !== null)
            .map((r) => ({value: [i, r.retention * PERCENT], name: r.label})))
        }
      ]
    });
  }

  /** A vertical bar from value(1) to value(2) at category value(0), with caps. */
  function errorBar(params, api) {
    const low = api.coord([api.value(0), api.value(1)]);
    const high = api.coord([api.value(0), api.value(2)]);
    const cap = api.size([1, 0])[0] * 0.08;
    const style = {stroke: '#222', lineWidth: 1.5};
    return {
      type: 'group',
      children: [
        {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style},
        {type: 'line', shape: {x1: low[0] - cap, y1: low[1], x2: low[0] + cap, y2: low[1]}, style},
        {type: 'line', shape: {x1: high[0] - cap, y1: high[1], x2: high[0] + cap, y2: high[1]}, style}
      ]
    };
  }

  /** One heatmap per method: each cell the mean over the method's completed runs. */
  function matrices(comparison, retention) {
    const list = document.getElementById('matrix-list');
    const byRun = new Map(retention.runs.map((r) => [r.runId, r]));
    comparison.methods.forEach((method) => {
      const runs = method.runs.map((r) => byRun.get(r.runId)).filter(Boolean);
      if (runs.length === 0) {
        list.append(el('p', {class: 'explain'}, method.label + ': no completed run yet.'));
        return;
      }
      const datasets = runs[0].datasets;
      const size = datasets.length;
      const cells = [];
      const rows = [];
      for (let i = 0; i < size; i++) {
        const row = [stageName(datasets, i)];
        for (let j = 0; j < size; j++) {
          const values = runs.map((r) => r.accuracy[i][j]).filter((v) => v !== null && v !== undefined);
          const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
          row.push(mean === null ? '' : pct(mean));
          if (mean !== null) {
            cells.push([j, i, Number(pct(mean))]);
          }
        }
        rows.push(row);
      }
      const chartNode = el('div', {class: 'chart matrix-chart', role: 'img',
        'aria-label': 'Retention matrix of ' + method.label});
      const tableNode = el('table', {class: 'matrix'});
      list.append(el('div', {class: 'pair'}, chartNode,
        el('div', {class: 'side'}, el('h3', {}, method.label + ' (mean of ' + runs.length + ' seed'
          + (runs.length === 1 ? '' : 's') + ')'), tableNode)));
      table(tableNode, ['after \\ on'].concat(datasets), rows);
      const stageLabels = datasets.map((d, i) => stageName(datasets, i));
      chart(chartNode).setOption({
        animation: false,
        title: {text: method.label, left: 'center', textStyle: {fontSize: 14}},
        tooltip: {formatter: (p) => echarts.format.encodeHTML(stageLabels[p.value[1]] + ' on '
          + datasets[p.value[0]] + ': ' + p.value[2].toFixed(1) + '%')},
        grid: {left: 120, right: 24, top: 40, bottom: 72},
        xAxis: {type: 'category', data: datasets, name: 'evaluated on', nameLocation: 'middle', nameGap: 28,
          splitArea: {show: true}},
        yAxis: {type: 'category', data: stageLabels, inverse: true, splitArea: {show: true}},
        visualMap: {min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
          itemHeight: 120, text: ['100%', '0%'], inRange: {color: ['#f7f4f0', '#f2c48d', '#3563b0']}},
        series: [{type: 'heatmap', name: method.label, data: cells,
          label: {show: true, formatter: (p) => p.value[2].toFixed(1)}}]
      });
    });
  }

  /**
   * Which method a run belongs to, as results-service groups seeds: the run's label without "/seed<seed>"
   * (remix(random-words x2)/seed1 -> remix(random-words x2)); otherwise the method name and mix ratio.
   */
  function methodOf(run) {
    const suffix = '/seed' + run.seed;
    if (run.label && run.seed !== null && run.seed !== undefined && run.label.endsWith(suffix)
      && run.label.length > suffix.length) {
      return run.label.slice(0, -suffix.length);
    }
    if (!run.method) {
      return '(not planned yet)';
    }
    return run.mixRatio === null || run.mixRatio === undefined ? run.method : run.method + ' x' + run.mixRatio;
  }

  /** The runs of the retention report by method: the comparison's order first, each method's runs by seed. */
  function runsByMethod(comparison, retention) {
    const groups = new Map(comparison.methods.map((m) => [m.label, []]));
    retention.runs.forEach((run) => {
      const method = methodOf(run);
      if (!groups.has(method)) {
        groups.set(method, []);
      }
      groups.get(method).push(run);
    });
    groups.forEach((runs) => runs.sort((a, b) => (a.seed ?? 0) - (b.seed ?? 0)));
    return [...groups.entries()].filter(([, runs]) => runs.length > 0);
  }

  /** The colour of an accuracy in % on the scale of the method heatmaps (light at 0, orange at 50, blue at 100). */
  function heat(percent) {
    const stops = [[0, [0xf7, 0xf4, 0xf0]], [50, [0xf2, 0xc4, 0x8d]], [100, [0x35, 0x63, 0xb0]]];
    const x = Math.max(0, Math.min(100, percent));
    const upper = x <= 50 ? 1 : 2;
    const [x0, c0] = stops[upper - 1];
    const [x1, c1] = stops[upper];
    const t = (x - x0) / (x1 - x0);
    return 'rgb(' + c0.map((c, k) => Math.round(c + (c1[k] - c) * t)).join(', ') + ')';
  }

  /**
   * One small heatmap per run, grouped by method, whatever the run's status: the runs' spread that the method
   * means above hide. A cell on or below the diagonal that has no value yet says so; above the diagonal a
   * checkpoint is never scored (it has not seen that stage's data).
   */
  function runMatrices(comparison, retention) {
    const list = document.getElementById('run-matrix-list');
    const groups = runsByMethod(comparison, retention);
    if (groups.length === 0) {
      list.append(el('p', {class: 'explain'}, 'No run planned yet.'));
      return;
    }
    groups.forEach(([method, runs]) => list.append(el('div', {class: 'method-runs', 'data-method': method},
      el('h3', {}, method + ' · ' + runs.length + ' run' + (runs.length === 1 ? '' : 's')),
      el('div', {class: 'run-cards'}, runs.map(runCard)))));
  }

  function runCard(run) {
    const datasets = run.datasets || [];
    const metric = (run.metrics || []).find(Boolean);
    const running = run.status === 'running' || run.status === 'planned';
    const card = el('figure', {class: 'run-card', 'data-run-id': run.runId},
      el('figcaption', {}, el('strong', {}, 'seed ' + (run.seed ?? '?')), ' ',
        el('span', {class: 'status status-' + run.status}, run.status),
        metric ? el('span', {class: 'note'}, ' ' + metric + ', %') : null));
    if (datasets.length === 0) {
      card.append(el('p', {class: 'note'}, 'not evaluated yet'));
      return card;
    }
    const rows = datasets.map((d, i) => el('tr', {},
      el('th', {scope: 'row', title: stageName(datasets, i)}, 'after ' + i),
      datasets.map((dataset, j) => {
        const value = ((run.accuracy || [])[i] || [])[j];
        if (value !== null && value !== undefined) {
          const percent = value * PERCENT;
          const cell = el('td', {class: 'cell', 'data-value': pct(value),
            title: 'after stage ' + i + ' on ' + dataset + ': ' + pct(value) + '%'}, pct(value));
          cell.style.background = heat(percent);
          cell.style.color = percent > 70 ? '#fff' : 'inherit';
          return cell;
        }
        if (j > i) {
          return el('td', {class: 'cell cell-unseen', title: 'never scored: stage ' + j + "'s data comes later"}, '');
        }
        return el('td', {class: 'cell cell-missing', 'data-value': 'null',
          title: 'after stage ' + i + ' on ' + dataset + ': ' + (running ? 'not evaluated yet' : 'not evaluated')},
        running ? 'not yet' : 'none');
      })));
    card.append(el('table', {class: 'heatmap'},
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'after \\ on'),
        datasets.map((d) => el('th', {scope: 'col'}, d)))),
      el('tbody', {}, rows)));
    return card;
  }

  /**
   * What the experiment cost: the total, one row per method (all its runs, and per completed seed), GPU- and
   * CPU-seconds apart; each run's cost is in the runs table.
   */
  function costs(lineage, comparison) {
    const total = lineage.cost || comparison.cost;
    const summary = document.getElementById('cost-summary');
    if (!total) {
      summary.textContent = 'This results-service does not report costs.';
      return;
    }
    summary.replaceChildren(
      el('strong', {}, 'Experiment: '),
      'GPU ' + secondsText(total.gpuSeconds) + ' · CPU ' + secondsText(total.cpuSeconds) + ' · '
        + total.jobs + ' job' + (total.jobs === 1 ? '' : 's') + ' priced'
        + (total.unpriced ? ', ' + total.unpriced + ' unpriced' : '') + ' · hardware: ' + hardwareText(total));
    // None of this kind spent: "0", not "0 ± 0".
    const perSeed = (spread) => (spread && spread.mean === 0 && !spread.std ? '0' : spreadText(spread, secs));
    table(document.getElementById('cost-table'),
      ['Method', 'Runs', 'GPU-s (all runs)', 'CPU-s (all runs)', 'GPU-s per seed', 'CPU-s per seed',
        'Jobs priced', 'Unpriced', 'Hardware'],
      comparison.methods.map((m) => {
        const cost = m.cost || {};
        const sum = cost.total;
        return [m.label, String(m.n + m.failed + m.pending),
          sum ? secs(sum.gpuSeconds) : '—', sum ? secs(sum.cpuSeconds) : '—',
          perSeed(cost.gpuSecondsPerSeed), perSeed(cost.cpuSecondsPerSeed),
          sum ? String(sum.jobs) : '—', sum ? String(sum.unpriced) : '—', hardwareText(sum)];
      }).concat([[el('strong', {}, 'experiment'), String(lineage.runs.length), secs(total.gpuSeconds),
        secs(total.cpuSeconds), '', '', String(total.jobs), String(total.unpriced), hardwareText(total)]]));
  }

  /** Gold-token probability per depth on D_A: one line per method and stage; the table gives the first top-1 depth. */
  function logitLens(report) {
    const first = report.datasets[0] || 'D_A';
    const lines = report.methods.flatMap((m) => m.cells.filter((c) => c.datasetStageIndex === 0)
      .map((c) => ({method: m, cell: c, name: m.label + ' after ' + stageName(report.datasets, c.stageIndex)})));
    const node = document.getElementById('lens-chart');
    if (lines.length === 0) {
      node.replaceWith(el('p', {class: 'explain'}, 'No logit lens recorded yet (it comes with every evaluation).'));
      return;
    }
    table(document.getElementById('lens-table'),
      ['Method, checkpoint', 'Seeds', 'Gold top-1 at the last depth %', 'First top-1 depth (mean)',
        'Depths at top-1 (mean per fact)', 'Never top-1 %'],
      lines.map(({cell, name}) => {
        const facts = cell.firstTop1.reduce((a, b) => a + b, 0) + cell.neverTop1;
        return [name, String(cell.n), pct(cell.top1Rate[cell.top1Rate.length - 1]),
          cell.meanFirstTop1Depth === null || cell.meanFirstTop1Depth === undefined ? '—'
            : cell.meanFirstTop1Depth.toFixed(2),
          depthsAtTop1(cell).toFixed(2),
          facts === 0 ? '' : pct(cell.neverTop1 / facts)];
      }));
    document.getElementById('lens-claim').textContent = lensReading(report, lines);
    chart(node).setOption({
      animation: false,
      color: COLORS,
      title: {text: 'Logit lens on ' + first, left: 'center', textStyle: {fontSize: 14}},
      legend: {bottom: 0, type: 'scroll'},
      tooltip: {trigger: 'axis'},
      grid: {left: 64, right: 24, top: 40, bottom: 84},
      xAxis: {type: 'category', name: 'depth (0 = embedding, l = after layer l)', nameLocation: 'middle',
        nameGap: 28, data: lines[0].cell.meanProbability.map((v, d) => String(d))},
      yAxis: {type: 'value', min: 0, name: 'gold token probability', nameLocation: 'middle', nameGap: 48},
      series: lines.map(({name, cell}) => ({name, type: 'line', data: cell.meanProbability,
        lineStyle: {type: cell.stageIndex === 0 ? 'dashed' : 'solid'}}))
    });
  }

  /** How many depths hold the gold token at top-1, per fact on average: the sum over depths of the top-1 rate. */
  function depthsAtTop1(cell) {
    return cell.top1Rate.reduce((a, b) => a + b, 0);
  }

  /**
   * The paper's claim beside this experiment's numbers: after the last stage, on D_A, does REMIX hold the facts
   * earlier (a lower first top-1 depth) and over more depths than naive?
   */
  function lensReading(report, lines) {
    const last = Math.max(...lines.map((l) => l.cell.stageIndex));
    const at = (method) => lines.find((l) => l.method.label === method && l.cell.stageIndex === last);
    const naive = report.methods.find((m) => m.label === 'naive');
    const remixes = report.methods.filter((m) => m.label.startsWith('remix'));
    if (!naive || remixes.length === 0 || !at(naive.label)) {
      return 'The paper reads REMIX as storing facts in earlier layers and over more layers; this experiment has no'
        + ' naive and REMIX pair to compare.';
    }
    const n = at(naive.label).cell;
    const parts = remixes.filter((m) => at(m.label)).map((m) => {
      const r = at(m.label).cell;
      const first = (c) => (c.meanFirstTop1Depth === null || c.meanFirstTop1Depth === undefined ? 'never'
        : c.meanFirstTop1Depth.toFixed(2));
      return m.label + ': first top-1 depth ' + first(r) + ' vs naive ' + first(n) + ', depths at top-1 '
        + depthsAtTop1(r).toFixed(2) + ' vs ' + depthsAtTop1(n).toFixed(2);
    });
    return 'The paper reads REMIX as storing facts in earlier layers (a lower first top-1 depth) and over more layers'
      + ' (more depths at top-1). Here, on ' + (report.datasets[0] || 'D_A') + ' after stage ' + last + ': '
      + parts.join('; ') + '.';
  }

  /** One chart per stage, one line per run; the table beside gives each run's outcome for that stage. */
  function lossCurves(lineage, datasets, losses) {
    const list = document.getElementById('loss-list');
    const stages = Math.max(0, ...lineage.runs.map((r) => r.stages.length));
    for (let stage = 0; stage < stages; stage++) {
      const series = losses
        .map(({run, points}) => ({run, points: points.filter((p) => p.stageIndex === stage)}))
        .filter(({points}) => points.length > 0);
      if (series.length === 0) {
        continue;
      }
      const positive = series.every(({points}) => points.every((p) => p.loss > 0));
      const chartNode = el('div', {class: 'chart', role: 'img', 'aria-label': 'Loss curves of stage ' + stage});
      const tableNode = el('table', {});
      list.append(el('div', {class: 'pair'}, chartNode, el('div', {class: 'side'},
        el('h3', {}, 'Loss of ' + stageName(datasets, stage)), tableNode)));
      table(tableNode, ['Run', 'Steps', 'Final loss', 'Stopped'], series.map(({run}) => {
        const outcome = (run.stages[stage] || {}).training || {};
        return [run.label || run.id, outcome.steps ?? '', outcome.finalLoss === null
          || outcome.finalLoss === undefined ? '' : outcome.finalLoss.toPrecision(3), outcome.stopReason || ''];
      }));
      chart(chartNode).setOption({
        animation: false,
        color: COLORS,
        title: {text: 'Loss of ' + stageName(datasets, stage), left: 'center', textStyle: {fontSize: 14}},
        legend: {bottom: 0},
        tooltip: {trigger: 'axis'},
        grid: {left: 64, right: 48, top: 40, bottom: 84},
        xAxis: {type: 'value', name: 'step', nameLocation: 'end', nameGap: 8},
        yAxis: {type: positive ? 'log' : 'value', name: 'loss', nameLocation: 'middle', nameGap: 48},
        series: series.map(({run, points}) => ({
          name: run.label || run.id, type: 'line', showSymbol: points.length < 30,
          data: points.map((p) => [p.step, p.loss])}))
      });
    }
    if (list.childElementCount === 0) {
      list.append(el('p', {class: 'explain'}, 'No training progress recorded yet.'));
    }
  }

  function runsTable(lineage, retention) {
    const matrices = new Map(retention.runs.map((r) => [r.runId, r]));
    table(document.getElementById('runs-table'),
      ['Run', 'Status', 'Retention matrix (%)', 'Steps', 'GPU-s', 'CPU-s', 'Jobs priced (unpriced)', 'Hardware',
        'Failure', 'Id'],
      lineage.runs.map((run) => {
        const matrix = matrices.get(run.id);
        // One line per checkpoint, a column per dataset; '·' where not evaluated.
        const cells = matrix ? matrix.accuracy.map((row, i) => el('div', {},
          'after ' + i + ': ' + row.map((v) => (v === null ? '·' : pct(v)).padStart(5)).join(' '))) : [];
        return [
          run.label || run.id,
          el('span', {class: 'status status-' + run.status}, run.status),
          el('code', {class: 'cells'}, cells),
          run.stages.map((s) => (s.training && s.training.steps !== null ? s.training.steps : '·')).join(' / '),
          run.cost ? secs(run.cost.gpuSeconds) : '—',
          run.cost ? secs(run.cost.cpuSeconds) : '—',
          run.cost ? run.cost.jobs + (run.cost.unpriced ? ' (' + run.cost.unpriced + ')' : '') : '—',
          hardwareText(run.cost),
          run.failure ? run.failure.reason : '',
          el('a', {href: '/api/runs/' + encodeURIComponent(run.id)}, run.id)];
      }));
  }

  // ---- start -------------------------------------------------------------------------------------------------

  async function start() {
    try {
      if (document.body.dataset.page === 'experiment') {
        await experimentPage();
      } else {
        await listPage();
      }
      document.body.dataset.reportState = 'ready';
    } catch (e) {
      showProblem(e);
    }
    // The drawn page's height in CSS pixels, for a screenshot of the whole page (docs/screenshots/).
    document.body.dataset.reportHeight = String(document.documentElement.scrollHeight);
  }

  window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach((node) => {
    const instance = window.echarts && echarts.getInstanceByDom(node);
    if (instance) {
      instance.resize();
    }
  }));
  start();
})();
