import { deliveryBadge, type DeliveryState } from '../../core/drafts/delivery-state';

/** Whether the letter reached the platform, beside its workflow status; nothing for a letter never packed. */
export function DeliveryBadge({ state }: { state: DeliveryState }) {
  const label = deliveryBadge(state);
  if (label === undefined) return null;
  return (
    <span className={`badge badge--delivery-${state.kind}`} data-testid="delivery-status" data-delivery={state.kind}>
      {label}
    </span>
  );
}
