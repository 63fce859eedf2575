import type { PanelDef, PanelId } from './types';

/** The platform process's own CPU and memory are named per preset, so each preset defines them. */
type AppResourceId = 'resources.app-cpu' | 'resources.app-memory';
type ResourceId = Exclude<Extract<PanelId, `resources.${string}`>, AppResourceId>;

/**
 * Node exporter panels, shared by every preset: the machines under an agent platform are
 * measured the same way whatever the platform calls its own metrics.
 */
export const nodeExporterPanels: Record<ResourceId, PanelDef> = {
  'resources.cpu': {
    title: 'CPU busy by instance',
    query: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[$__rate_interval]))',
    kind: 'range',
    unit: 'percentunit',
    viz: 'timeseries',
    legend: '{{instance}}',
  },
  'resources.memory': {
    title: 'Memory used by instance',
    query: '1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes',
    kind: 'range',
    unit: 'percentunit',
    viz: 'timeseries',
    legend: '{{instance}}',
  },
  'resources.disk': {
    title: 'Disk used by instance and mount',
    query:
      '1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs"}',
    kind: 'range',
    unit: 'percentunit',
    viz: 'timeseries',
    legend: '{{instance}} {{mountpoint}}',
  },
  'resources.network-receive': {
    title: 'Network received',
    query:
      'sum by (instance) (rate(node_network_receive_bytes_total{device!="lo"}[$__rate_interval]))',
    kind: 'range',
    unit: 'bytes/s',
    viz: 'timeseries',
    legend: '{{instance}}',
  },
  'resources.network-transmit': {
    title: 'Network sent',
    query:
      'sum by (instance) (rate(node_network_transmit_bytes_total{device!="lo"}[$__rate_interval]))',
    kind: 'range',
    unit: 'bytes/s',
    viz: 'timeseries',
    legend: '{{instance}}',
  },
  'resources.disk-hours-to-full': {
    title: 'Disk full in',
    description:
      'Free space divided by how fast it shrank over the last 6 h (deriv); only mounts that are shrinking.',
    query:
      '(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"} / -deriv(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"}[6h])) / 3600 and deriv(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"}[6h]) < 0',
    kind: 'instant',
    unit: 'none',
    viz: 'table',
    legend: '{{instance}} {{mountpoint}}',
  },
  'resources.memory-hours-to-exhaustion': {
    title: 'Memory exhausted in',
    description: 'Available memory divided by how fast it shrank over the last 6 h (deriv).',
    query:
      '(node_memory_MemAvailable_bytes / -deriv(node_memory_MemAvailable_bytes[6h])) / 3600 and deriv(node_memory_MemAvailable_bytes[6h]) < 0',
    kind: 'instant',
    unit: 'none',
    viz: 'table',
    legend: '{{instance}}',
  },
  'resources.load': {
    title: 'Load average (1 min) per CPU',
    query: 'node_load1 / on (instance) count by (instance) (node_cpu_seconds_total{mode="idle"})',
    kind: 'range',
    unit: 'short',
    viz: 'timeseries',
    legend: '{{instance}}',
  },
};
