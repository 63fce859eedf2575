/** Node exporter and process metrics for the three hosts, plus `up` for every target. */
import {
  AGENTS,
  APP_PORT,
  FILLING_DISK_HOST,
  HOSTS,
  NODE_EXPORTER_PORT,
  instanceLabel,
  type HostSpec,
} from '../catalog';
import { COUNTER_EPOCH_SEC, createCounter } from '../counter';
import { dailyShape, gaugeNoise } from '../rhythm';
import { unitHash } from '../random';
import type { SeriesRegistry } from '../registry';
import { counterEffectsOfAgents, incidentPressure } from './effects';

/** Busy CPU fraction per host at a daily shape of 1, before incidents. */
const BASE_UTILISATION = [0.3, 0.26, 0.2];
const CPU_MODES = [
  ['user', 0.68],
  ['system', 0.24],
  ['iowait', 0.08],
] as const;
const INCIDENT_CPU = { 'error-spike': 0.5, slowdown: 0.3 };

/** The filling disk: free space falls linearly and a cleanup job restores it every 48 h. */
export const DISK_FILL = {
  periodMs: 48 * 3_600_000,
  freeAfterCleanup: 0.45,
  freeBeforeCleanup: 0.05,
  /** Free fraction at the simulator's anchor: about 17 h before the disk would be full. */
  freeAtAnchor: 0.14,
} as const;

export function addNodeFamilies(reg: SeriesRegistry, anchorMs: number): void {
  describeNode(reg);
  HOSTS.forEach((host, index) => {
    const agents = AGENTS.flatMap((a, i) => (a.host === index ? [i] : []));
    const nodeJob = { job: 'node', instance: instanceLabel(index, NODE_EXPORTER_PORT) };
    const appJob = { job: 'aet', instance: instanceLabel(index, APP_PORT) };
    addCpu(reg, index, host, agents, nodeJob);
    addMemory(reg, index, host, agents, nodeJob);
    addFilesystems(reg, index, host, nodeJob, anchorMs);
    addNetwork(reg, index, agents, nodeJob);
    addProcess(reg, index, agents, appJob);
    reg.add({ __name__: 'up', ...nodeJob }, () => 1);
    reg.add({ __name__: 'up', ...appJob }, () => 1);
  });
}

function addCpu(
  reg: SeriesRegistry,
  index: number,
  host: HostSpec,
  agents: number[],
  job: object,
): void {
  for (let cpu = 0; cpu < host.cpus; cpu++) {
    const utilisation = BASE_UTILISATION[index]! * (0.85 + 0.3 * unitHash(reg.key(host.name), cpu));
    // One busy-time counter per CPU, split across modes in fixed shares: modes move together
    // (as they do on real hosts) and idle costs a single evaluation.
    const busy = createCounter(
      {
        mean: utilisation,
        peakHourUtc: 15,
        noiseKey: reg.key(`${host.name}/${cpu}`),
        effects: counterEffectsOfAgents(agents, INCIDENT_CPU),
      },
      reg.schedule,
    );
    const cpuLabels = { __name__: 'node_cpu_seconds_total', ...job, cpu: String(cpu) };
    for (const [mode, share] of CPU_MODES) {
      reg.add({ ...cpuLabels, mode }, (tSec) => share * busy(tSec));
    }
    // Each CPU accrues one second per second; whatever is not busy is idle.
    reg.add({ ...cpuLabels, mode: 'idle' }, (tSec) =>
      Math.max(0, tSec - COUNTER_EPOCH_SEC - busy(tSec)),
    );
  }
  const loadKey = reg.key(`${host.name}/load1`);
  reg.add({ __name__: 'node_load1', ...job }, (tSec) => {
    const busy =
      BASE_UTILISATION[index]! * dailyShape(tSec) +
      0.15 * incidentPressure(reg.schedule, agents, INCIDENT_CPU, tSec);
    return Math.max(0, host.cpus * busy * (1.1 + 0.2 * gaugeNoise(loadKey, tSec)));
  });
}

function addMemory(
  reg: SeriesRegistry,
  index: number,
  host: HostSpec,
  agents: number[],
  job: object,
): void {
  reg.add({ __name__: 'node_memory_MemTotal_bytes', ...job }, () => host.memoryBytes);
  const key = reg.key(`${host.name}/memavail`);
  reg.add({ __name__: 'node_memory_MemAvailable_bytes', ...job }, (tSec) => {
    const used =
      0.35 +
      0.04 * index +
      0.12 * (dailyShape(tSec) - 1) +
      0.03 * gaugeNoise(key, tSec) +
      0.08 * incidentPressure(reg.schedule, agents, { 'error-spike': 1, slowdown: 1 }, tSec);
    return Math.round((host.memoryBytes * (1 - used)) / 4096) * 4096;
  });
}

/** Free fraction of the filling disk: a sawtooth anchored so the anchor sits late in a cycle. */
export function fillingDiskFree(tMs: number, anchorMs: number): number {
  const { periodMs, freeAfterCleanup, freeBeforeCleanup, freeAtAnchor } = DISK_FILL;
  const span = freeAfterCleanup - freeBeforeCleanup;
  const anchorPhase = (freeAfterCleanup - freeAtAnchor) / span;
  const cycles = (tMs - anchorMs) / periodMs + anchorPhase;
  const phase = cycles - Math.floor(cycles);
  return freeAfterCleanup - span * phase;
}

function addFilesystems(
  reg: SeriesRegistry,
  index: number,
  host: HostSpec,
  job: object,
  anchorMs: number,
): void {
  const volumes = [
    {
      mountpoint: '/',
      device: '/dev/nvme0n1p1',
      fstype: 'ext4',
      size: 100e9,
      free: 0.62 - 0.05 * index,
    },
    {
      mountpoint: '/data',
      device: '/dev/nvme1n1',
      fstype: 'xfs',
      size: host.diskBytes,
      free: 0.55,
    },
  ];
  for (const volume of volumes) {
    const labels = {
      ...job,
      mountpoint: volume.mountpoint,
      device: volume.device,
      fstype: volume.fstype,
    };
    const size = Math.round(volume.size / 4096) * 4096;
    const filling = index === FILLING_DISK_HOST && volume.mountpoint === '/data';
    const key = reg.key(`${host.name}${volume.mountpoint}`);
    reg.add({ __name__: 'node_filesystem_size_bytes', ...labels }, () => size);
    reg.add({ __name__: 'node_filesystem_avail_bytes', ...labels }, (tSec) => {
      const free = filling
        ? fillingDiskFree(tSec * 1000, anchorMs)
        : volume.free + 0.002 * gaugeNoise(key, tSec);
      return Math.round((size * free) / 4096) * 4096;
    });
  }
}

function addNetwork(reg: SeriesRegistry, index: number, agents: number[], job: object): void {
  const effects = counterEffectsOfAgents(agents, { 'error-spike': 0.3, slowdown: 0.1 });
  for (const [direction, mean] of [
    ['receive', 1.6e6],
    ['transmit', 0.7e6],
  ] as const) {
    reg.addCounter(
      { __name__: `node_network_${direction}_bytes_total`, ...job, device: 'eth0' },
      { mean: mean * (1 + 0.25 * index), peakHourUtc: 15, effects },
    );
  }
}

function addProcess(reg: SeriesRegistry, index: number, agents: number[], job: object): void {
  reg.addCounter(
    { __name__: 'process_cpu_seconds_total', ...job },
    {
      mean: 0.9 * BASE_UTILISATION[index]! * 4,
      peakHourUtc: 15,
      effects: counterEffectsOfAgents(agents, INCIDENT_CPU),
    },
  );
  const key = reg.key(`${index}/rss`);
  reg.add(
    { __name__: 'process_resident_memory_bytes', ...job },
    (tSec) =>
      Math.round(
        (1.1e9 + 0.25e9 * (dailyShape(tSec) - 1) + 0.05e9 * gaugeNoise(key, tSec)) / 4096,
      ) * 4096,
  );
}

function describeNode(reg: SeriesRegistry): void {
  reg.describe(
    'node_cpu_seconds_total',
    'counter',
    'Seconds the CPUs spent in each mode.',
    'seconds',
  );
  reg.describe('node_load1', 'gauge', '1m load average.');
  reg.describe(
    'node_memory_MemTotal_bytes',
    'gauge',
    'Memory information field MemTotal_bytes.',
    'bytes',
  );
  reg.describe(
    'node_memory_MemAvailable_bytes',
    'gauge',
    'Memory information field MemAvailable_bytes.',
    'bytes',
  );
  reg.describe('node_filesystem_size_bytes', 'gauge', 'Filesystem size in bytes.', 'bytes');
  reg.describe(
    'node_filesystem_avail_bytes',
    'gauge',
    'Filesystem space available to non-root users in bytes.',
    'bytes',
  );
  reg.describe(
    'node_network_receive_bytes_total',
    'counter',
    'Network device statistic receive_bytes.',
    'bytes',
  );
  reg.describe(
    'node_network_transmit_bytes_total',
    'counter',
    'Network device statistic transmit_bytes.',
    'bytes',
  );
  reg.describe(
    'process_cpu_seconds_total',
    'counter',
    'Total user and system CPU time spent in seconds.',
    'seconds',
  );
  reg.describe('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', 'bytes');
  reg.describe('up', 'gauge', 'Whether the target was reachable at its last scrape.');
}
