using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Staff.Admin;

[Authorize(Roles = StaffRoles.Administrator)]
public sealed class NewStaffAccountModel(ComptoirDbContext db, UserManager<StaffMember> users, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    [BindProperty]
    public Account Form { get; set; } = new();

    public sealed class Account
    {
        [Required(ErrorMessage = "Saisissez le nom du collaborateur.")]
        [MaxLength(120)]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez l'adresse e-mail professionnelle.")]
        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
        public string Email { get; set; } = "";

        public StaffRole Role { get; set; } = StaffRole.Advisor;

        public int? SiteId { get; set; }

        public int? StoreId { get; set; }

        public int? DepartmentId { get; set; }

        public int? CountryId { get; set; }

        public string? Mobile { get; set; }

        [Required(ErrorMessage = "Choisissez un mot de passe initial.")]
        public string Password { get; set; } = "";
    }

    public IReadOnlyList<SelectListItem> Sites { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Stores { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Countries { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var request = new CreateStaffMember.Request(
                Form.DisplayName, Form.Email, Form.Role, Form.SiteId, Form.StoreId, Form.DepartmentId, Form.CountryId, Form.Mobile, Form.Password);
            var (member, errors) = await CreateStaffMember.ExecuteAsync(request, db, users, t, time, cancellationToken);
            if (member is not null)
            {
                TempData["Created"] = member.DisplayName;
                return RedirectToPage("StaffAccounts");
            }

            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"{nameof(Form)}.{field}", message);
                }
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var sites = await db.ServiceSites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        Sites = [.. sites.Select(s => Choice(s.Id, s.Name))];
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken);
        Stores = [.. stores.Select(s => Choice(s.Id, $"{s.Code} · {s.Name}"))];
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        Departments = [.. departments.Select(d => Choice(d.Id, d.Name.Current))];
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        Countries = [.. countries.Select(c => Choice(c.Id, c.Name.Current))];
    }

    private static SelectListItem Choice(int id, string label) => new(label, id.ToString(CultureInfo.InvariantCulture));
}
