namespace ParIndex.Core.Frameworks;

/// <summary>
/// One problem found by <see cref="FrameworkValidator"/>. <see cref="Code"/> is the node's code
/// (<c>1.3.2</c>) or, for the framework's own properties, the property name (<c>year</c>).
/// </summary>
public sealed record FrameworkProblem(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
