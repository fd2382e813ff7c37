/** What the New tool dialog starts from: a small, complete tool that shows the conventions. */
export const EXAMPLE_TOOL_SOURCE = `# A tool is a Python function. Its name becomes the tool's name, its type hints the
# argument types, and its Google-style docstring what agents read: a summary on top,
# then one "name (type): description" line per argument under Args.
def roll_dice(sides: int, count: int = 1) -> str:
    """
    Roll dice and report what came up.

    Args:
        sides (int): How many faces each die has, e.g. 6 or 20.
        count (int): How many dice to roll.

    Returns:
        str: The rolls, separated by commas.
    """
    # Tools run on their own, so import what you need inside the function.
    import random

    rolls = [random.randint(1, sides) for _ in range(count)]
    return ", ".join(str(roll) for roll in rolls)
`
