// The tour page's 360° viewer. "Explore in 360°" loads Photo Sphere Viewer (static/vendor/, with
// three.js) only when asked, opens the stop's scene, and links the tour's scenes with its virtual
// tour plugin. Everything the viewer shows is already in the page's HTML (tours/viewer.py builds the
// JSON from the same data): the hotspots are listed there as links and text, and here again as
// buttons beside the viewer, so that every marker is reachable by keyboard; a button stands in for
// every drag (turn, look up and down, zoom). No autorotation: the plugin for it is not loaded.
const data = JSON.parse(document.getElementById("tour-viewer").textContent);
const words = data.words;
const scenes = new Map(data.scenes.map((scene) => [scene.id, scene]));
const vendor = new URL("../vendor/photo-sphere-viewer/", import.meta.url);
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
const STEP = Math.PI / 8; // a turn or a look up/down per press: 22.5°
let open = null; // { viewer, slot, button }

function stylesheet(href) {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

async function library() {
  for (const name of ["core", "markers-plugin", "virtual-tour-plugin"]) {
    stylesheet(new URL(`${name}/index.css`, vendor).href);
  }
  const [core, markers, tour] = await Promise.all([
    import(new URL("core/index.module.js", vendor).href),
    import(new URL("markers-plugin/index.module.js", vendor).href),
    import(new URL("virtual-tour-plugin/index.module.js", vendor).href),
  ]);
  return { Viewer: core.Viewer, MarkersPlugin: markers.MarkersPlugin, VirtualTourPlugin: tour.VirtualTourPlugin };
}

function node(scene) {
  return {
    id: scene.id,
    // Without network, the smaller image that "Save for offline" kept (static/js/offline.js).
    panorama: navigator.onLine ? scene.panorama : scene.panoramaLow,
    name: scene.name,
    caption: scene.name,
    links: scene.links.map((link) => ({ nodeId: link.nodeId, position: link.position, data: { label: link.label } })),
    markers: scene.markers.map((marker) => ({
      id: marker.id,
      position: marker.position,
      // A dot; its label is the tooltip, and the button beside the viewer (hotspotButtons).
      html: '<span class="viewer-marker__dot" aria-hidden="true"></span>',
      className: "viewer-marker",
      size: { width: 28, height: 28 },
      tooltip: marker.note ? `${marker.label}: ${marker.note}` : marker.label,
      data: marker,
    })),
  };
}

function button(label, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = label;
  element.addEventListener("click", onClick);
  return element;
}

function controls(viewer) {
  const list = document.createElement("ul");
  list.className = "viewer-controls";
  list.setAttribute("aria-label", words.controls);
  const turn = (yaw, pitch) => () => {
    const position = viewer.getPosition();
    viewer.rotate({ yaw: position.yaw + yaw, pitch: Math.max(-Math.PI / 2, Math.min(Math.PI / 2, position.pitch + pitch)) });
  };
  const actions = [
    [words.left, turn(-STEP, 0)],
    [words.right, turn(STEP, 0)],
    [words.up, turn(0, STEP)],
    [words.down, turn(0, -STEP)],
    [words.zoomIn, () => viewer.zoomIn(10)],
    [words.zoomOut, () => viewer.zoomOut(10)],
  ];
  for (const [label, action] of actions) {
    const item = document.createElement("li");
    item.append(button(label, action));
    list.append(item);
  }
  return list;
}

function hotspotButtons(container, scene, viewer, plugins) {
  container.replaceChildren();
  const heading = document.createElement("p");
  heading.className = "viewer-scene";
  heading.textContent = words.scene.replace("%(name)s", scene.name);
  const list = document.createElement("ul");
  list.className = "hotspots";
  list.setAttribute("aria-label", words.hotspots);
  for (const link of scene.links) {
    const item = document.createElement("li");
    item.append(button(words.goTo.replace("%(label)s", link.label), () => plugins.tour.setCurrentNode(link.nodeId)));
    list.append(item);
  }
  for (const marker of scene.markers) {
    const item = document.createElement("li");
    item.append(
      button(marker.label, () => {
        plugins.markers.hideAllTooltips();
        const show = () => plugins.markers.showMarkerTooltip(marker.id);
        if (reducedMotion.matches) {
          viewer.rotate(marker.position);
          show();
        } else {
          plugins.markers.gotoMarker(marker.id, "10rpm").then(show);
        }
      }),
    );
    if (marker.href) {
      const link = document.createElement("a");
      link.href = marker.href;
      link.textContent = marker.label;
      item.append(" ", link);
    }
    list.append(item);
  }
  container.append(heading, list);
}

function close() {
  if (!open) return;
  open.viewer.destroy();
  open.slot.replaceChildren();
  open.slot.hidden = true;
  open.button.hidden = false;
  open.button.focus();
  open = null;
}

async function explore(openButton) {
  close();
  const scene = scenes.get(openButton.dataset.openViewer);
  const slot = document.getElementById(openButton.getAttribute("aria-controls"));
  const { Viewer, MarkersPlugin, VirtualTourPlugin } = await library();
  slot.hidden = false;
  const frame = document.createElement("div");
  frame.className = "viewer";
  const hotspots = document.createElement("div");
  hotspots.setAttribute("aria-live", "polite");
  slot.append(frame);
  const viewer = new Viewer({
    container: frame,
    navbar: false,
    defaultYaw: scene.yaw,
    defaultPitch: scene.pitch,
    defaultZoomLvl: scene.zoom,
    keyboard: false, // the arrow keys turn the view only while it has focus (below), never the page's
    lang: { loading: words.loading, loadError: words.loadError, webglError: words.webglError },
    plugins: [
      MarkersPlugin,
      [
        VirtualTourPlugin,
        {
          nodes: data.scenes.map(node),
          startNodeId: scene.id,
          positionMode: "manual",
          renderMode: "3d",
          transitionOptions: () => (reducedMotion.matches ? { effect: "none", rotation: false, showLoader: true } : {}),
        },
      ],
    ],
  });
  frame.tabIndex = 0;
  frame.setAttribute("role", "application");
  frame.setAttribute("aria-label", words.scene.replace("%(name)s", scene.name));
  frame.addEventListener("focus", () => viewer.startKeyboardControl());
  frame.addEventListener("blur", () => viewer.stopKeyboardControl());
  // The plugin's arrows are buttons without a name: name each after its link's label.
  new MutationObserver(() => {
    for (const arrow of frame.querySelectorAll(".psv-virtual-tour-link:not([aria-label])")) {
      if (arrow.tourLink) arrow.setAttribute("aria-label", words.goTo.replace("%(label)s", arrow.tourLink.data.label));
    }
  }).observe(frame, { childList: true, subtree: true });
  const plugins = { markers: viewer.getPlugin(MarkersPlugin), tour: viewer.getPlugin(VirtualTourPlugin) };
  plugins.tour.addEventListener("node-changed", ({ node: current }) => {
    const now = scenes.get(current.id);
    hotspotButtons(hotspots, now, viewer, plugins);
    slot.dataset.scene = now.id;
    const position = { yaw: now.yaw, pitch: now.pitch };
    viewer.rotate(position);
  });
  const closeButton = button(words.close, close);
  slot.append(controls(viewer), hotspots, closeButton);
  openButton.hidden = true;
  open = { viewer, slot, button: openButton };
  frame.focus();
}

for (const openButton of document.querySelectorAll("[data-open-viewer]")) {
  if (!scenes.has(openButton.dataset.openViewer)) continue;
  openButton.hidden = false;
  openButton.addEventListener("click", () => explore(openButton));
}
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && open && open.slot.contains(document.activeElement)) close();
});
