// Stand-in for Ink's optional devtools integration, which irtop never enables.
export default {initialize() {}, connectToDevTools() {}};
