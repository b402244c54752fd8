/** The default cluster settled at build time (src/build/bootImage.ts); undefined under the dev server. */
declare module 'virtual:kubelab-boot-image' {
  const image: import('../engine/sim/Simulation').SimulationSnapshot | undefined;
  export default image;
}
