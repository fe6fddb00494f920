using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Units;

namespace ParIndex.Application.Admin;

/// <summary>Units and user accounts, managed by the administrator.</summary>
public sealed class AdminService(ParIndexDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>Roles that act for one unit and therefore need one.</summary>
    private static readonly string[] UnitRoles = [Roles.UnitEditor, Roles.UnitLead];

    public async Task<IReadOnlyList<UnitView>> UnitsAsync(CancellationToken cancellationToken) =>
        (await db.Units.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(u => u.ParentId.HasValue).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(ToView).ToList();

    /// <param name="changedBy">Who saves: a change to an existing unit is recorded in the history (it moves staff results, ADR 0144).</param>
    public async Task<UnitView> SaveUnitAsync(int? id, UnitRequest request, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = TextInput.Line(request.Code, "code", "Mã đơn vị", TextLimits.UnitCode) ?? "";
        var name = TextInput.Line(request.Name, "name", "Tên đơn vị", TextLimits.Name) ?? "";
        var region = TextInput.Line(request.Region, "region", "Vùng", TextLimits.Region);
        if (code.Length == 0 || name.Length == 0)
        {
            throw DomainException.Invalid("Mã và tên đơn vị là bắt buộc.", "The unit code and name are required.");
        }

        if (!UnitKindNames.All.Contains(request.Kind))
        {
            throw DomainException.Invalid($"Loại đơn vị \"{request.Kind}\" không hợp lệ; chọn một trong: {string.Join("; ", UnitKindNames.All.Select(k => $"{k} ({UnitKindNames.Vietnamese(k)})"))}.",
                $"The unit kind \"{request.Kind}\" is not valid; choose one of: {string.Join("; ", UnitKindNames.All.Select(k => $"{k} ({UnitKindNames.English(k)})"))}.");
        }

        if (await db.Units.AnyAsync(u => u.Code == code && u.Id != (id ?? 0), cancellationToken))
        {
            throw DomainException.Conflict($"Mã đơn vị \"{code}\" đã được dùng.", $"The unit code \"{code}\" is already in use.");
        }

        if (request.ParentId is { } parentId && (parentId == id || !await db.Units.AnyAsync(u => u.Id == parentId, cancellationToken)))
        {
            throw DomainException.Invalid("Đơn vị cấp trên không hợp lệ.", "The parent unit is not valid.");
        }

        Unit unit;
        if (id is { } existing)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Id == existing, cancellationToken) ?? throw DomainException.NotFound($"Không có đơn vị số {existing}.", $"There is no unit number {existing}.");
        }
        else
        {
            unit = new Unit { Code = code, Name = name, Kind = request.Kind };
            db.Units.Add(unit);
        }

        var before = id is null ? null : Describe(unit);
        unit.Code = code;
        unit.Name = name;
        unit.Kind = request.Kind;
        unit.ParentId = request.ParentId;
        unit.Region = string.IsNullOrEmpty(region) ? null : region;
        if (before is not null && before != Describe(unit))
        {
            db.History.Add(new Data.History.HistoryEntry
            {
                At = clock.GetUtcNow().UtcDateTime,
                UserName = changedBy,
                Entity = nameof(Unit),
                Field = "Unit " + unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                OldValue = before,
                NewValue = Describe(unit),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return ToView(unit);
    }

    private static string Describe(Unit unit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit.Code} | {unit.Name} | {unit.Kind} | {unit.ParentId} | {unit.Region}");

    public async Task<IReadOnlyList<UserView>> UsersAsync(CancellationToken cancellationToken)
    {
        var list = await db.Users.AsNoTracking().Include(u => u.Unit).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserView(u.Id, u.UserName ?? "", u.FullName, u.Email,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.UnitId, u.Unit?.Name, u.LockoutEnd is { } end && end > now,
            u.LockoutEnd is { } until && until > now ? until : null)).ToList();
    }

    /// <summary>One account, as the edit page shows it.</summary>
    public async Task<UserView> UserAsync(string id, CancellationToken cancellationToken) =>
        (await UsersAsync(cancellationToken)).SingleOrDefault(u => u.Id == id)
        ?? throw DomainException.NotFound("Không tìm thấy tài khoản.", "The account was not found.");

    /// <summary>
    /// Resets the password to a random one-time password shown once to the administrator (the
    /// accounts have no "must change at next sign-in" mark, so the user is asked to change it). Every
    /// session of the user ends, a lock after failed sign-ins is lifted (an administrator's lock stays).
    /// </summary>
    public async Task<PasswordResetResult> ResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id) ?? throw DomainException.NotFound("Không tìm thấy tài khoản.", "The account was not found.");
        var password = OneTimePasswords.Create();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        Check(await users.ResetAccessFailedCountAsync(user));
        if (user.LockoutEnd is { } end && end < DateTimeOffset.MaxValue.AddYears(-1))
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
        }

        await users.UpdateSecurityStampAsync(user);
        await Accounts.AccountSessions.EndAllOfAsync(db, user.Id, cancellationToken);
        return new PasswordResetResult(await UserAsync(user.Id, cancellationToken), password);
    }

    /// <summary>Locks (until unlocked) or unlocks an account; a lock ends its sessions. An administrator cannot lock their own account.</summary>
    public async Task<UserView> SetLockAsync(string id, bool locked, CurrentUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var user = await users.FindByIdAsync(id) ?? throw DomainException.NotFound("Không tìm thấy tài khoản.", "The account was not found.");
        if (locked && string.Equals(user.UserName, by.UserName, StringComparison.Ordinal))
        {
            throw DomainException.Conflict("Không thể tự khoá tài khoản đang dùng.", "You cannot lock the account you are signed in with.");
        }

        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await users.UpdateSecurityStampAsync(user);
        if (locked)
        {
            await Accounts.AccountSessions.EndAllOfAsync(db, user.Id, cancellationToken);
        }

        return await UserAsync(user.Id, cancellationToken);
    }

    public async Task<UserView> SaveUserAsync(string? id, UserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Roles.All.Contains(request.Role))
        {
            throw DomainException.Invalid($"Vai trò \"{request.Role}\" không hợp lệ; chọn một trong: {string.Join(", ", Roles.All)}.", $"The role \"{request.Role}\" is not valid; choose one of: {string.Join(", ", Roles.All)}.");
        }

        if (UnitRoles.Contains(request.Role) && request.UnitId is null)
        {
            throw DomainException.Invalid($"Vai trò {Roles.VietnameseName(request.Role)} cần chọn đơn vị.", $"The role {request.Role} needs a unit.");
        }

        if (request.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            throw DomainException.Invalid($"Không có đơn vị số {unitId}.", $"There is no unit number {unitId}.");
        }

        var userName = TextInput.Line(request.UserName, "userName", "Tên tài khoản", TextLimits.UserName);
        var fullName = TextInput.Line(request.FullName, "fullName", "Họ và tên", TextLimits.FullName) ?? "";
        var email = TextInput.Line(request.Email, "email", "Thư điện tử", TextLimits.Email);
        AppUser user;
        // A lock, a new password or a change of role, unit or name ends the user's sessions now.
        var endSessions = false;
        if (id is null)
        {
            if (string.IsNullOrWhiteSpace(request.Password))
            {
                throw DomainException.Invalid("Tài khoản mới cần mật khẩu.", "A new account needs a password.");
            }

            user = new AppUser { UserName = userName, Email = email, FullName = fullName, UnitId = request.UnitId, LockoutEnabled = true };
            Check(await users.CreateAsync(user, request.Password));
        }
        else
        {
            user = await users.FindByIdAsync(id) ?? throw DomainException.NotFound("Không tìm thấy tài khoản.", "The account was not found.");
            endSessions = user.UnitId != request.UnitId
                || (!string.IsNullOrEmpty(userName) && userName != user.UserName);
            user.FullName = fullName;
            user.Email = email;
            user.UnitId = request.UnitId;
            if (!string.IsNullOrEmpty(userName))
            {
                user.UserName = userName;
            }

            Check(await users.UpdateAsync(user));
            if (!string.IsNullOrWhiteSpace(request.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                Check(await users.ResetPasswordAsync(user, token, request.Password));
                endSessions = true;
            }
        }

        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([request.Role]))
        {
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, request.Role));
            endSessions = true;
        }

        if (request.Locked is { } locked)
        {
            Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
            if (!locked)
            {
                Check(await users.ResetAccessFailedCountAsync(user));
            }

            endSessions |= locked;
        }

        // Role or unit changes take effect at the next sign-in; the security stamp forces it.
        await users.UpdateSecurityStampAsync(user);
        if (endSessions)
        {
            await Accounts.AccountSessions.EndAllOfAsync(db, user.Id, cancellationToken);
        }

        return (await UsersAsync(cancellationToken)).Single(u => u.Id == user.Id);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw DomainException.Invalid(string.Join(" ", result.Errors.Select(IdentityMessages.Vietnamese)), string.Join(" ", result.Errors.Select(IdentityMessages.English)));
        }
    }

    private static UnitView ToView(Unit u) => new(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Region);
}
