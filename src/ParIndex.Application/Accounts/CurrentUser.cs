namespace ParIndex.Application.Accounts;

/// <summary>
/// Who calls a use case, as the permission checks see them: name, roles, unit scope. Every use case
/// takes it as an argument; the web builds it from the signed-in principal, the CLI from the operator.
/// </summary>
public sealed record CurrentUser(string UserName, string DisplayName, IReadOnlySet<string> Roles, int? UnitId)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsAdministrator => IsIn(ParIndex.Data.Accounts.Roles.Administrator);

    public bool IsCoordinator => IsIn(ParIndex.Data.Accounts.Roles.Coordinator);

    /// <summary>
    /// The operator of a command-line tool: administrator and coordinator (the standing office that
    /// publishes) of the whole installation, named in the history it writes (e.g. <c>cli:root</c>).
    /// </summary>
    public static CurrentUser Operator(string userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        return new CurrentUser(userName, userName, new HashSet<string>(StringComparer.Ordinal) { ParIndex.Data.Accounts.Roles.Administrator, ParIndex.Data.Accounts.Roles.Coordinator }, null);
    }

    /// <summary>Roles that see every assessment of every unit.</summary>
    public bool SeesAllUnits => IsAdministrator || IsCoordinator
        || IsIn(ParIndex.Data.Accounts.Roles.Appraiser) || IsIn(ParIndex.Data.Accounts.Roles.CouncilChair);
}
