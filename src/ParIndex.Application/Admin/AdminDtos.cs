namespace ParIndex.Application.Admin;

public sealed record UnitView(int Id, string Code, string Name, string Kind, int? ParentId, string? Region);

public sealed record UnitRequest(string Code, string Name, string Kind, int? ParentId, string? Region);

public sealed record UserView(string Id, string UserName, string FullName, string? Email, string Role, int? UnitId, string? UnitName, bool LockedOut);

/// <summary>Create (with a password) or update (password optional) a user.</summary>
public sealed record UserRequest(string UserName, string FullName, string? Email, string Role, int? UnitId, string? Password, bool? Locked);
