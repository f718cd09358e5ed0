using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignInSessionsAndFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignInFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInSessions",
                columns: table => new
                {
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInSessions", x => x.KeyHash);
                    table.ForeignKey(
                        name: "FK_SignInSessions_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_AccountKey_At",
                table: "SignInFailures",
                columns: new[] { "AccountKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_Address_At",
                table: "SignInFailures",
                columns: new[] { "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_ExpiresAt",
                table: "SignInSessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_StaffMemberId_Address",
                table: "SignInSessions",
                columns: new[] { "StaffMemberId", "Address" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInFailures");

            migrationBuilder.DropTable(
                name: "SignInSessions");
        }
    }
}
