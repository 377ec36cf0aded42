// Plans the objects a traffic edit writes: which to create or update, and their full content. Pure.

import { same } from './same';
import type { TrafficEdit, TrafficModel } from './types';
import { writeDestinationRule } from './write-destination-rule';
import { changesVirtualService, writeVirtualService } from './write-virtual-service';

export type ObjectAction = 'create' | 'update' | 'unchanged';

/** What planTrafficObjects needs: the model as read, the live objects it was read from, and the edit. */
export interface PlanInput {
  model: TrafficModel;
  liveVirtualService?: Record<string, unknown>;
  liveDestinationRule?: Record<string, unknown>;
  edit: TrafficEdit;
}

/** The objects to write; an object is present only when its action is not 'unchanged'. */
export interface TrafficPlan {
  virtualService?: Record<string, unknown>;
  destinationRule?: Record<string, unknown>;
  vsAction: ObjectAction;
  drAction: ObjectAction;
}

/**
 * The VirtualService and DestinationRule an edit writes, changing only what differs between the model and the edit.
 * Throws a plain Error (the caller answers 422) when the model is unsupported or an object it was read from is
 * missing; the edit is expected to have passed validateTrafficEdit.
 */
export function planTrafficObjects(input: PlanInput): TrafficPlan {
  const { model, edit, liveVirtualService, liveDestinationRule } = input;
  if (model.unsupported.length > 0) throw new Error(`the form cannot edit this service's traffic: ${model.unsupported.join('; ')}`);
  if (model.virtualService && !liveVirtualService) throw new Error(`the live VirtualService ${model.virtualService.name} is needed to update it`);
  if (model.destinationRule && !liveDestinationRule) throw new Error(`the live DestinationRule ${model.destinationRule.name} is needed to update it`);
  const vsChanges = changesVirtualService(model, edit);
  if (vsChanges && edit.routes.length === 0 && edit.rules.length === 0 && !edit.fault && edit.timeout === undefined && !edit.retries && model.virtualService) {
    throw new Error(`a VirtualService needs at least one route; delete ${model.virtualService.name} in the YAML editor to go back to Istio's default`);
  }
  const virtualService = vsChanges ? writeVirtualService(model, edit, liveVirtualService) : undefined;
  const anyChange = vsChanges || !same(model.circuitBreaker, edit.circuitBreaker);
  const destinationRule = anyChange ? writeDestinationRule(model, edit, liveDestinationRule) : undefined;
  const action = (o: unknown, live: unknown): ObjectAction => (o === undefined ? 'unchanged' : live ? 'update' : 'create');
  return {
    ...(virtualService ? { virtualService } : {}),
    ...(destinationRule ? { destinationRule } : {}),
    vsAction: action(virtualService, liveVirtualService),
    drAction: action(destinationRule, liveDestinationRule),
  };
}
