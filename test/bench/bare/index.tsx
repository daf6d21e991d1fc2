import { createRoot } from "react-dom/client";

// The smallest React page: what the task pane's first render is measured against.
const container = document.getElementById("container");
if (container !== null) createRoot(container).render(<p>Chỉ tiêu</p>);
