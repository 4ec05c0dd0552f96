package io.camelexo.exchangeonline.simulator.tenant;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Word pools for synthetic people, rooms, teams and devices. */
final class Names {

    static final List<String> FIRST = List.of(
            "Adele",
            "Alex",
            "Allan",
            "Andrea",
            "Anna",
            "Ben",
            "Bianca",
            "Carla",
            "Chen",
            "Christie",
            "Daniel",
            "Debra",
            "Diego",
            "Elena",
            "Emily",
            "Enrico",
            "Fatima",
            "Felix",
            "Grady",
            "Hannah",
            "Henrietta",
            "Irvin",
            "Isaiah",
            "Jana",
            "Johanna",
            "Joni",
            "Jonas",
            "Karim",
            "Lara",
            "Lee",
            "Lidia",
            "Lynne",
            "Maja",
            "Marek",
            "Megan",
            "Miriam",
            "Nestor",
            "Nora",
            "Olga",
            "Omar",
            "Patti",
            "Pradeep",
            "Priya",
            "Raul",
            "Rosa",
            "Sanjay",
            "Sara",
            "Sven",
            "Tomas",
            "Ulrike",
            "Vera",
            "Wei",
            "Yara",
            "Zoe");

    static final List<String> LAST = List.of(
            "Abbott",
            "Bauer",
            "Becker",
            "Brown",
            "Costa",
            "Diaz",
            "Dubois",
            "Fischer",
            "Garcia",
            "Gonzalez",
            "Hansen",
            "Hoffmann",
            "Iyer",
            "Jensen",
            "Johnson",
            "Kaur",
            "Keller",
            "Kim",
            "Kowalski",
            "Larsen",
            "Lopez",
            "Martin",
            "Meyer",
            "Miller",
            "Moreau",
            "Muller",
            "Nakamura",
            "Nguyen",
            "Novak",
            "Olsen",
            "Patel",
            "Petrov",
            "Rossi",
            "Santos",
            "Schmidt",
            "Schulz",
            "Silva",
            "Smith",
            "Suzuki",
            "Tanaka",
            "Vance",
            "Wagner",
            "Weber",
            "Wilber",
            "Wright",
            "Yamamoto",
            "Zhang");

    static final List<String> TEAMS = List.of(
            "Billing",
            "Support",
            "Sales",
            "Recruiting",
            "Facilities",
            "Legal",
            "Marketing",
            "Payroll",
            "Procurement",
            "Reception",
            "Security",
            "Service Desk",
            "Shipping",
            "Training",
            "Travel",
            "Press");

    static final List<String> CITIES = List.of(
            "Amsterdam",
            "Berlin",
            "Boston",
            "Dublin",
            "Lisbon",
            "London",
            "Madrid",
            "Milan",
            "Munich",
            "Oslo",
            "Paris",
            "Prague",
            "Seattle",
            "Singapore",
            "Sydney",
            "Tokyo",
            "Vienna",
            "Warsaw",
            "Zurich");

    static final List<String> EQUIPMENT = List.of("Projector", "Camera", "Van", "Laptop Cart", "Podium", "Screen");

    static final List<String> COUNTRIES = List.of(
            "Germany",
            "United States",
            "United Kingdom",
            "France",
            "Netherlands",
            "Spain",
            "Italy",
            "Japan",
            "India",
            "Brazil",
            "Australia",
            "Poland",
            "Sweden",
            "Switzerland",
            "Ireland");

    static final List<String> DEPARTMENTS = List.of(
            "Finance",
            "Engineering",
            "Sales",
            "Marketing",
            "Operations",
            "HR",
            "Legal",
            "IT",
            "Research",
            "Customer Success");

    static final List<String> DEVICES = List.of("iPhone", "iPad", "Android", "Outlook", "WindowsMail", "SamsungDevice");

    private Names() {}

    static String pick(List<String> pool, SplittableRandom random) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** "Service Desk" → "servicedesk": alias-safe. */
    static String aliasPart(String words) {
        return words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
