import type { ToolType } from '../../storage/tools-repository.ts'

/**
 * Letta's built-in tools, with the signatures (names, types, defaults) of Letta's own, so the
 * json_schema derived from each is the one a Letta server gives. They run inside Letta's agent
 * loop, never as a tool run here, so their bodies only say so.
 */
export interface BaseToolDefinition {
  name: string
  toolType: Extract<ToolType, 'letta_core' | 'letta_memory_core'>
  sourceCode: string
}

const BUILT_IN_BODY =
  '    raise NotImplementedError("Built-in Letta tool: the agent loop runs it, not a tool run.")\n'

const source = (text: string) => `${text.trim()}\n${BUILT_IN_BODY}`

export const BASE_TOOLS: readonly BaseToolDefinition[] = [
  {
    name: 'send_message',
    toolType: 'letta_core',
    sourceCode: source(`
def send_message(self: "Agent", message: str) -> Optional[str]:
    """
    Sends a message to the human user.

    Args:
        message (str): The text of the message. Any unicode, emojis included, is allowed.

    Returns:
        Optional[str]: Always None; sending a message produces no result.
    """`),
  },
  {
    name: 'conversation_search',
    toolType: 'letta_core',
    sourceCode: source(`
def conversation_search(
    self: "Agent",
    query: Optional[str] = None,
    roles: Optional[List[Literal["assistant", "user", "tool"]]] = None,
    limit: Optional[int] = None,
    start_date: Optional[str] = None,
    end_date: Optional[str] = None,
) -> Optional[str]:
    """
    Search prior conversation history using hybrid search (text + semantic similarity).

    Args:
        query (Optional[str]): Text to look for, matched both literally and by meaning. Without it, the other filters (dates, roles) select the messages.
        roles (Optional[List[Literal["assistant", "user", "tool"]]]): Only return messages with these roles.
        limit (Optional[int]): The most results to return; the server's default when not given.
        start_date (Optional[str]): Only messages created on or after this moment (inclusive), ISO 8601: "YYYY-MM-DD" (from the start of that day) or "YYYY-MM-DDTHH:MM".
        end_date (Optional[str]): Only messages created on or before this moment (inclusive), ISO 8601: "YYYY-MM-DD" (through the end of that day) or "YYYY-MM-DDTHH:MM".

    Returns:
        str: The matching messages with their timestamps and content.
    """`),
  },
  {
    name: 'archival_memory_insert',
    toolType: 'letta_core',
    sourceCode: source(`
async def archival_memory_insert(self: "Agent", content: str, tags: Optional[list[str]] = None) -> Optional[str]:
    """
    Add information to long-term archival memory for later retrieval.

    Archival memory keeps facts, knowledge and context across all future conversations; it is
    permanent and searchable by meaning. Store self-contained facts or summaries rather than
    fragments of conversation, and tag them so they are easier to find later.

    Args:
        content (str): The information to store, clear and self-contained.
        tags (Optional[list[str]]): Category tags for the memory, e.g. ["meetings", "project-updates"].

    Returns:
        Optional[str]: A confirmation naming the stored memory.
    """`),
  },
  {
    name: 'archival_memory_search',
    toolType: 'letta_core',
    sourceCode: source(`
async def archival_memory_search(
    self: "Agent",
    query: str,
    tags: Optional[list[str]] = None,
    tag_match_mode: Literal["any", "all"] = "any",
    top_k: Optional[int] = None,
    start_datetime: Optional[str] = None,
    end_datetime: Optional[str] = None,
) -> Optional[str]:
    """
    Search archival memory using semantic similarity to find relevant information.

    The search matches by meaning, not by exact words: describe what you need, start broad and
    narrow down with tags. Results come ranked by relevance.

    Args:
        query (str): What you are looking for, described naturally (e.g. "meetings about the API redesign").
        tags (Optional[list[str]]): Only memories with these tags; tag_match_mode says how they combine.
        tag_match_mode (Literal["any", "all"]): "any" matches memories with at least one of the tags, "all" only those with every tag.
        top_k (Optional[int]): The most results to return (10 when not given).
        start_datetime (Optional[str]): Only memories created after this moment (ISO 8601, e.g. "2024-01-15" or "2024-01-15T14:30").
        end_datetime (Optional[str]): Only memories created before this moment (ISO 8601).

    Returns:
        str: The relevant memories with their ids, timestamps and content, most similar first.
    """`),
  },
  {
    name: 'core_memory_append',
    toolType: 'letta_memory_core',
    sourceCode: source(`
def core_memory_append(agent_state: "AgentState", label: str, content: str) -> Optional[str]:
    """
    Append to the contents of core memory.

    Args:
        label (str): The label of the memory block to edit.
        content (str): The text to add to the block. Any unicode, emojis included, is allowed.

    Returns:
        Optional[str]: Always None; the edit produces no result.
    """`),
  },
  {
    name: 'core_memory_replace',
    toolType: 'letta_memory_core',
    sourceCode: source(`
def core_memory_replace(agent_state: "AgentState", label: str, old_content: str, new_content: str) -> Optional[str]:
    """
    Replace the contents of core memory. To delete memories, use an empty string for new_content.

    Args:
        label (str): The label of the memory block to edit.
        old_content (str): The text to replace; it must match exactly.
        new_content (str): The text to put in its place. Any unicode, emojis included, is allowed.

    Returns:
        Optional[str]: Always None; the edit produces no result.
    """`),
  },
  {
    name: 'memory_replace',
    toolType: 'letta_memory_core',
    sourceCode: source(`
def memory_replace(agent_state: "AgentState", label: str, old_string: str, new_string: str) -> str:
    """
    Replace one exact piece of text in a memory block with new text.

    Copy old_string exactly as the block holds it, and make it long enough to appear only once.
    To delete text, use an empty new_string.

    Args:
        label (str): The label of the memory block to edit.
        old_string (str): The text to replace; it must appear exactly once in the block.
        new_string (str): The text to put in its place.

    Returns:
        str: The block's new value.
    """`),
  },
  {
    name: 'memory_insert',
    toolType: 'letta_memory_core',
    sourceCode: source(`
def memory_insert(agent_state: "AgentState", label: str, new_string: str, insert_line: int = -1) -> str:
    """
    Insert text into a memory block at a given line.

    Args:
        label (str): The label of the memory block to edit.
        new_string (str): The text to insert.
        insert_line (int): The line after which the text goes: 0 puts it first, -1 (the default) at the end.

    Returns:
        str: The block's new value.
    """`),
  },
]
