// Cockpit fits a whole diagram into the view; the complaint process is one long row, so its labels came out too
// small to read (issue #20). After an import, and after Cockpit's fit, this bpmn-js module zooms in to the scale the
// models were drawn at and shows the process's start, or on a process instance's page its first active activity.
// The zoom controls still zoom out or fit the whole diagram. Loaded through scripts/config.js (bpmnJs.additionalModules).
const READABLE = 0.8; // below this Cockpit's 11 px labels are hard to read
const DRAWN = 1; // the scale the models were drawn at
const MARGIN = 60; // px between the view's left edge and the start event

function ReadableZoom(eventBus, canvas, elementRegistry) {
  eventBus.on('import.done', ({ error }) => {
    if (error) return;
    // Cockpit fits the diagram right after the import resolves; act after that (a task, after its microtasks).
    setTimeout(() => {
      if (savedViewbox(canvas) || canvas.zoom() >= READABLE) return;
      show(startOf(), 'left');
      const instance = /\/process-instance\/([^/?]+)/.exec(window.location.hash);
      if (instance) activeActivities(instance[1]).then(ids => {
        const active = ids.map(id => elementRegistry.get(id))
          .filter(element => element && element.parent && element.x !== undefined).sort((a, b) => a.x - b.x)[0];
        if (active) show(active, 'center');
      }, () => { /* the start stays in view */ });
    });
  });

  // A view the person left (Cockpit keeps it in the URL's viewbox parameter) is theirs: keep it.
  function savedViewbox() {
    const search = decodeURIComponent(window.location.hash.split('?')[1] || '');
    const definitions = canvas.getRootElement().businessObject.$parent;
    return search.includes('viewbox=') && definitions && search.includes(`"${definitions.id}"`);
  }

  // The leftmost start event of the shown process (not of an event subprocess).
  function startOf() {
    const root = canvas.getRootElement();
    return elementRegistry.filter(element => element.type === 'bpmn:StartEvent'
        && (element.parent === root || element.parent?.type === 'bpmn:Participant'))
      .sort((a, b) => a.x - b.x)[0];
  }

  function show(element, where) {
    if (!element) return;
    const { outer } = canvas.viewbox();
    const width = outer.width / DRAWN;
    const height = outer.height / DRAWN;
    const x = where === 'left' ? element.x - MARGIN : element.x + element.width / 2 - width / 2;
    canvas.viewbox({ x, y: element.y + element.height / 2 - height / 2, width, height });
  }
}
ReadableZoom.$inject = ['eventBus', 'canvas', 'elementRegistry'];

// The ids of the instance's activities that wait now (leaves of the activity instance tree), from the engine API
// Cockpit itself uses (the signed-in person's session).
async function activeActivities(processInstanceId) {
  const api = document.querySelector('base').getAttribute('engine-api');
  const response = await fetch(`${api}engine/default/process-instance/${encodeURIComponent(processInstanceId)}`
    + '/activity-instances', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) return [];
  const ids = [];
  (function leaves(node) {
    const children = [...(node.childActivityInstances || []), ...(node.childTransitionInstances || [])];
    if (children.length === 0 && node.activityId) ids.push(node.activityId);
    (node.childActivityInstances || []).forEach(leaves);
    (node.childTransitionInstances || []).forEach(child => ids.push(child.activityId));
  })(await response.json());
  return ids;
}

export default {
  __init__: ['readableZoom'],
  readableZoom: ['type', ReadableZoom],
};
