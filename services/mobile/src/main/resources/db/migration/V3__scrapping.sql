-- Scrapping lists select registered vehicles by fuel and certification per unit.
create index vehicle_scrapping on vehicle (fuel, certified_on) where status = 'registered';
