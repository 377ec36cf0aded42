// The canvas' look, keyed on the classes elements.ts sets. Pure: colours come in as arguments.

import type { StylesheetJsonBlock } from 'cytoscape';

export interface GraphColors {
  healthy: string;
  degraded: string;
  failure: string;
  idle: string;
}

/** The theme's health colours (app/globals.css); used when a CSS variable cannot be read. */
export const FALLBACK_COLORS: GraphColors = {
  healthy: '#3e8635',
  degraded: '#f0ab00',
  failure: '#c9190b',
  idle: '#8a8d90',
};

/** Reads `--color-<health>` through a lookup (e.g. getComputedStyle), keeping the fallback for blanks. */
export function readGraphColors(lookup: (cssVariable: string) => string): GraphColors {
  const pick = (key: keyof GraphColors) => lookup(`--color-${key}`).trim() || FALLBACK_COLORS[key];
  return { healthy: pick('healthy'), degraded: pick('degraded'), failure: pick('failure'), idle: pick('idle') };
}

/** Dash pattern of animated edges; the animation shifts the offset by this period to loop seamlessly. */
export const FLOW_DASH = [6, 4] as const;

/**
 * Above this many edges the graph is dense: edges are plain lines (cytoscape's cheap "haystack" edges, without
 * arrows) and only highlighted edges (selected or found) get a direction, a label and a lock. Curves, arrows and
 * thousands of edge labels cost most of a large graph's first frame (bench/graph-render.ts), and at the zoom such
 * a graph fits in none of them can be read anyway; the side panel and the table view have every number.
 */
export const DENSE_EDGES_ABOVE = 1000;

/**
 * Labels smaller than this on screen are not drawn: at the zoom a large graph fits in they would be a couple of
 * pixels tall, unreadable, and drawing them costs more than the shapes. Zooming in brings them back.
 */
const MIN_READABLE_FONT_PX = 8;
const NODE_FONT_PX = 10;

/**
 * Below this zoom node labels are too small to draw (see MIN_READABLE_FONT_PX). A dense graph then leaves them
 * out of its stylesheet altogether, which also spares measuring a thousand labels nobody would see.
 */
export const NODE_LABEL_MIN_ZOOM = MIN_READABLE_FONT_PX / NODE_FONT_PX;

export interface StylesheetOptions {
  dark: boolean;
  /** How many edges the graph has; above DENSE_EDGES_ABOVE it is drawn as a dense graph. */
  edgeCount?: number;
  /** The view is zoomed out below NODE_LABEL_MIN_ZOOM: a dense graph then drops node labels (nobody could read them). */
  zoomedOut?: boolean;
}

/** The cytoscape stylesheet: fill by health, shape by node type, edge colour by error rate. */
export function buildStylesheet(colors: GraphColors, { dark, edgeCount = 0, zoomedOut = false }: StylesheetOptions): StylesheetJsonBlock[] {
  const dense = edgeCount > DENSE_EDGES_ABOVE;
  const text = dark ? '#e2e8f0' : '#0f172a';
  const textBg = dark ? '#020617' : '#ffffff';
  const accent = dark ? '#7dd3fc' : '#0369a1';
  return [
    {
      selector: 'node',
      style: {
        label: dense && zoomedOut ? '' : 'data(label)',
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'font-size': NODE_FONT_PX,
        'min-zoomed-font-size': MIN_READABLE_FONT_PX,
        color: text,
        'text-background-color': textBg,
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
        width: 28,
        height: 28,
        'background-color': colors.idle,
        'border-width': 1,
        'border-color': dark ? '#cbd5e1' : '#334155',
      },
    },
    { selector: 'node.type-app', style: { shape: 'round-rectangle' } },
    { selector: 'node.type-workload', style: { shape: 'ellipse' } },
    { selector: 'node.type-service', style: { shape: 'round-triangle' } },
    { selector: 'node.type-unknown', style: { shape: 'diamond' } },
    { selector: 'node.health-healthy', style: { 'background-color': colors.healthy } },
    { selector: 'node.health-degraded', style: { 'background-color': colors.degraded } },
    { selector: 'node.health-failure', style: { 'background-color': colors.failure } },
    { selector: 'node.health-na', style: { 'background-color': colors.idle } },
    // An entry point: a double ring.
    { selector: 'node.root', style: { 'border-width': 4, 'border-style': 'double' } },
    // Not in the mesh: dashed outline, hollow look.
    { selector: 'node.outside-mesh', style: { 'border-style': 'dashed', 'border-width': 2, 'background-opacity': 0.45 } },
    { selector: 'node.idle', style: { opacity: 0.6 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': dense ? 'haystack' : 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'line-color': colors.idle,
        'target-arrow-color': colors.idle,
        label: dense ? '' : 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': MIN_READABLE_FONT_PX,
        color: text,
        'text-background-color': textBg,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-rotation': 'autorotate',
      },
    },
    { selector: 'edge.health-healthy', style: { 'line-color': colors.healthy, 'target-arrow-color': colors.healthy } },
    { selector: 'edge.health-degraded', style: { 'line-color': colors.degraded, 'target-arrow-color': colors.degraded } },
    { selector: 'edge.health-failure', style: { 'line-color': colors.failure, 'target-arrow-color': colors.failure } },
    { selector: 'edge.protocol-tcp', style: { 'target-arrow-shape': 'triangle-tee' } },
    { selector: 'edge.idle', style: { 'line-style': 'dotted' } },
    {
      selector: 'edge.flow',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [...FLOW_DASH] },
    },
    ...(dense ? [{ selector: 'edge.find-match, edge.chosen', style: { label: 'data(label)', 'curve-style': 'straight' as const } }] : []),
    { selector: '.find-match', style: { 'underlay-color': accent, 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
    { selector: 'edge.find-match', style: { width: 4 } },
    { selector: 'node.chosen', style: { 'border-width': 3, 'border-color': accent, 'border-style': 'solid' } },
    { selector: 'edge.chosen', style: { width: 4, 'underlay-color': accent, 'underlay-opacity': 0.5, 'underlay-padding': 3 } },
  ];
}
